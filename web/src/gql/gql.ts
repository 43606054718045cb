/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query ApplicationPage($id: ID!) {\n    application(id: $id) {\n      id\n      company\n      position\n      ...ApplicationDetails\n      ...ApplicationTimeline\n      ...ApplicationFormValues\n    }\n  }\n": typeof types.ApplicationPageDocument,
    "\n  query MyDataExports {\n    myDataExports {\n      id\n      ...DataExportRow\n    }\n  }\n": typeof types.MyDataExportsDocument,
    "\n  query MyDataExport($id: ID!) {\n    myDataExport(id: $id) {\n      id\n      ...DataExportRow\n    }\n  }\n": typeof types.MyDataExportDocument,
    "\n  mutation ExportMyData {\n    exportMyData {\n      id\n      ...DataExportRow\n    }\n  }\n": typeof types.ExportMyDataDocument,
    "\n  mutation DeleteMyAccount($password: String!) {\n    deleteMyAccount(password: $password)\n  }\n": typeof types.DeleteMyAccountDocument,
    "\n  fragment DataExportRow on DataExport {\n    id\n    status\n    createdAt\n    finishedAt\n    size\n    missingParts\n    downloadUrl\n  }\n": typeof types.DataExportRowFragmentDoc,
    "\n  query Analytics($timeZone: String!, $from: DateTime, $to: DateTime) {\n    me {\n      id\n      analytics(timeZone: $timeZone, from: $from, to: $to) {\n        total\n        responseRate\n        medianDaysToResponse\n        perMonth {\n          month\n          count\n        }\n        byStatus {\n          status\n          count\n        }\n        byPosition {\n          category\n          count\n        }\n        byLocation {\n          category\n          count\n        }\n        funnel {\n          status\n          count\n          rate\n        }\n        averageDaysInStatus {\n          status\n          averageDays\n        }\n        weeklyActivity(weeks: 12) {\n          weekStart\n          count\n        }\n      }\n    }\n  }\n": typeof types.AnalyticsDocument,
    "\n  query Applications($filter: ApplicationFilter, $first: Int, $after: String, $orderBy: ApplicationOrder) {\n    applications(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          company\n          position\n          ...ApplicationCard\n          ...ApplicationRow\n        }\n      }\n    }\n  }\n": typeof types.ApplicationsDocument,
    "\n  mutation CreateApplication($input: CreateApplicationInput!) {\n    createApplication(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.CreateApplicationDocument,
    "\n  mutation UpdateApplication($id: ID!, $input: UpdateApplicationInput!) {\n    updateApplication(id: $id, input: $input) {\n      id\n      ...ApplicationDetails\n      ...ApplicationFormValues\n    }\n  }\n": typeof types.UpdateApplicationDocument,
    "\n  mutation ChangeApplicationStatus($id: ID!, $status: ApplicationStatus!, $note: String) {\n    changeApplicationStatus(id: $id, status: $status, note: $note) {\n      id\n      status\n      updatedAt\n    }\n  }\n": typeof types.ChangeApplicationStatusDocument,
    "\n  mutation DeleteApplication($id: ID!) {\n    deleteApplication(id: $id)\n  }\n": typeof types.DeleteApplicationDocument,
    "\n  subscription ApplicationChanged {\n    applicationChanged {\n      id\n      status\n      updatedAt\n      ...ApplicationDetails\n      ...ApplicationCard\n      ...ApplicationRow\n    }\n  }\n": typeof types.ApplicationChangedDocument,
    "\n  mutation ChangeApplicationsStatus($ids: [ID!]!, $status: ApplicationStatus!, $note: String) {\n    changeApplicationsStatus(ids: $ids, status: $status, note: $note) {\n      id\n      outcome\n      application {\n        id\n        status\n        updatedAt\n      }\n    }\n  }\n": typeof types.ChangeApplicationsStatusDocument,
    "\n  mutation DeleteApplications($ids: [ID!]!) {\n    deleteApplications(ids: $ids) {\n      id\n      outcome\n    }\n  }\n": typeof types.DeleteApplicationsDocument,
    "\n  mutation AddTimelineNote($applicationId: ID!, $note: String!) {\n    addTimelineNote(applicationId: $applicationId, note: $note) {\n      id\n      ...TimelineEntryItem\n    }\n  }\n": typeof types.AddTimelineNoteDocument,
    "\n  mutation ExportApplications($format: ApplicationFileFormat!, $filter: ApplicationFilter) {\n    exportApplications(format: $format, filter: $filter) {\n      url\n      filename\n      contentType\n      rowCount\n      expiresAt\n    }\n  }\n": typeof types.ExportApplicationsDocument,
    "\n  mutation ImportApplications($file: Upload!, $commit: Boolean!) {\n    importApplications(file: $file, commit: $commit) {\n      committed\n      createdCount\n      refusedCount\n      ignoredColumns\n      columns {\n        column\n        field\n      }\n      rows {\n        row\n        outcome\n        company\n        position\n        applicationId\n        errors {\n          field\n          message\n        }\n      }\n    }\n  }\n": typeof types.ImportApplicationsDocument,
    "\n  fragment ApplicationCard on Application {\n    id\n    company\n    position\n    location\n    status\n    priority\n    deadline\n    tags\n  }\n": typeof types.ApplicationCardFragmentDoc,
    "\n  fragment ApplicationDetails on Application {\n    id\n    company\n    position\n    location\n    status\n    jobUrl\n    description\n    notes\n    appliedAt\n    createdAt\n    salary {\n      min\n      max\n      currency\n      period\n    }\n    source\n    sourceDetail\n    priority\n    workMode\n    employmentType\n    deadline\n    tags\n  }\n": typeof types.ApplicationDetailsFragmentDoc,
    "\n  fragment ApplicationFormValues on Application {\n    company\n    position\n    location\n    jobUrl\n    description\n    notes\n    salary {\n      min\n      max\n      currency\n      period\n    }\n    source\n    sourceDetail\n    priority\n    workMode\n    employmentType\n    deadline\n    tags\n  }\n": typeof types.ApplicationFormValuesFragmentDoc,
    "\n  fragment ApplicationRow on Application {\n    id\n    company\n    position\n    location\n    status\n    appliedAt\n    updatedAt\n    priority\n    deadline\n  }\n": typeof types.ApplicationRowFragmentDoc,
    "\n  fragment TimelineEntryItem on TimelineEntry {\n    id\n    at\n    kind\n    summary\n    status\n    previousStatus\n    note\n    changedFields {\n      field\n      old\n      new\n    }\n    interviewStartsAt\n    previousStartsAt\n    fileName\n    contactName\n  }\n": typeof types.TimelineEntryItemFragmentDoc,
    "\n  fragment ApplicationTimeline on Application {\n    id\n    timeline {\n      id\n      ...TimelineEntryItem\n    }\n  }\n": typeof types.ApplicationTimelineFragmentDoc,
    "\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      token\n      refreshToken\n      user {\n        id\n        name\n      }\n    }\n  }\n": typeof types.RegisterDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      token\n      refreshToken\n      user {\n        id\n        name\n      }\n    }\n  }\n": typeof types.LoginDocument,
    "\n  query Contacts($search: String, $first: Int, $after: String) {\n    contacts(search: $search, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          ...ContactItem\n        }\n      }\n    }\n  }\n": typeof types.ContactsDocument,
    "\n  mutation CreateContact($input: CreateContactInput!) {\n    createContact(input: $input) {\n      id\n      ...ContactItem\n    }\n  }\n": typeof types.CreateContactDocument,
    "\n  mutation DeleteContact($id: ID!) {\n    deleteContact(id: $id)\n  }\n": typeof types.DeleteContactDocument,
    "\n  query ApplicationContacts($id: ID!) {\n    application(id: $id) {\n      id\n      contacts {\n        id\n        name\n        position\n        company\n      }\n    }\n  }\n": typeof types.ApplicationContactsDocument,
    "\n  mutation LinkContact($applicationId: ID!, $contactId: ID!) {\n    linkContact(applicationId: $applicationId, contactId: $contactId) {\n      id\n      contacts {\n        id\n        name\n        position\n        company\n      }\n    }\n  }\n": typeof types.LinkContactDocument,
    "\n  mutation UnlinkContact($applicationId: ID!, $contactId: ID!) {\n    unlinkContact(applicationId: $applicationId, contactId: $contactId) {\n      id\n      contacts {\n        id\n        name\n        position\n        company\n      }\n    }\n  }\n": typeof types.UnlinkContactDocument,
    "\n  query ContactChoices($search: String) {\n    contacts(search: $search, first: 20) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          company\n        }\n      }\n    }\n  }\n": typeof types.ContactChoicesDocument,
    "\n  fragment ContactItem on Contact {\n    id\n    name\n    position\n    company\n    email\n    phone\n    notes\n    links {\n      label\n      url\n    }\n    linkedUser {\n      id\n      name\n      headline\n    }\n    applications {\n      id\n      position\n      company\n    }\n  }\n": typeof types.ContactItemFragmentDoc,
    "\n  query Dashboard {\n    me {\n      id\n      name\n      applicationCounts {\n        ...CountsCard\n      }\n      recentApplications(first: 5) {\n        id\n        ...RecentApplication\n      }\n      upcomingInterviews(first: 5) {\n        id\n        ...UpcomingInterview\n      }\n    }\n  }\n": typeof types.DashboardDocument,
    "\n  fragment CountsCard on ApplicationCounts {\n    total\n    inProgress\n    byStatus {\n      status\n      count\n    }\n  }\n": typeof types.CountsCardFragmentDoc,
    "\n  fragment RecentApplication on Application {\n    id\n    company\n    position\n    status\n    appliedAt\n  }\n": typeof types.RecentApplicationFragmentDoc,
    "\n  fragment UpcomingInterview on Interview {\n    id\n    startsAt\n    type\n    application {\n      id\n      company\n      position\n    }\n  }\n": typeof types.UpcomingInterviewFragmentDoc,
    "\n  fragment FileRow on File {\n    id\n    name\n    contentType\n    size\n    kind\n    createdAt\n    downloadUrl\n  }\n": typeof types.FileRowFragmentDoc,
    "\n  mutation UploadFile($file: Upload!, $kind: FileKind!, $applicationId: ID) {\n    uploadFile(file: $file, kind: $kind, applicationId: $applicationId) {\n      id\n      ...FileRow\n    }\n  }\n": typeof types.UploadFileDocument,
    "\n  mutation SetResume($fileId: ID) {\n    setResume(fileId: $fileId) {\n      id\n    }\n  }\n": typeof types.SetResumeDocument,
    "\n  mutation DeleteFile($id: ID!) {\n    deleteFile(id: $id)\n  }\n": typeof types.DeleteFileDocument,
    "\n  query MyFiles {\n    me {\n      id\n      resume {\n        id\n        ...FileRow\n      }\n      files(first: 50) {\n        totalCount\n        edges {\n          node {\n            id\n            ...FileRow\n          }\n        }\n      }\n    }\n  }\n": typeof types.MyFilesDocument,
    "\n  query ApplicationFiles($id: ID!) {\n    application(id: $id) {\n      id\n      description\n      documents {\n        id\n        ...FileRow\n      }\n      resumeMatch {\n        score\n        matchedKeywords\n        missingKeywords\n        suggestions\n      }\n    }\n  }\n": typeof types.ApplicationFilesDocument,
    "\n  mutation CreateUpload($input: CreateUploadInput!) {\n    createUpload(input: $input) {\n      file {\n        id\n      }\n      url\n      method\n      headers {\n        name\n        value\n      }\n      expiresAt\n    }\n  }\n": typeof types.CreateUploadDocument,
    "\n  mutation CompleteUpload($id: ID!) {\n    completeUpload(id: $id) {\n      id\n      ...FileRow\n    }\n  }\n": typeof types.CompleteUploadDocument,
    "\n  query Interviews($filter: InterviewFilter, $first: Int, $after: String) {\n    interviews(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          startsAt\n          ...InterviewItem\n        }\n      }\n    }\n  }\n": typeof types.InterviewsDocument,
    "\n  mutation ScheduleInterview($input: ScheduleInterviewInput!) {\n    scheduleInterview(input: $input) {\n      id\n      ...InterviewItem\n    }\n  }\n": typeof types.ScheduleInterviewDocument,
    "\n  mutation CancelInterview($id: ID!) {\n    cancelInterview(id: $id) {\n      id\n      cancelled\n      cancelledAt\n    }\n  }\n": typeof types.CancelInterviewDocument,
    "\n  fragment ApplicationInterviews on Application {\n    id\n    interviews(includeCancelled: true) {\n      id\n      ...InterviewItem\n    }\n  }\n": typeof types.ApplicationInterviewsFragmentDoc,
    "\n  query ApplicationInterviews($id: ID!) {\n    application(id: $id) {\n      id\n      ...ApplicationInterviews\n    }\n  }\n": typeof types.ApplicationInterviewsDocument,
    "\n  fragment InterviewItem on Interview {\n    id\n    startsAt\n    durationMinutes\n    type\n    location\n    meetingUrl\n    details\n    cancelled\n    application {\n      id\n      company\n      position\n    }\n  }\n": typeof types.InterviewItemFragmentDoc,
    "\n  query UnreadCount {\n    me {\n      id\n      unreadNotificationCount\n    }\n  }\n": typeof types.UnreadCountDocument,
    "\n  subscription NotificationReceived {\n    notificationReceived {\n      id\n      title\n      readAt\n    }\n  }\n": typeof types.NotificationReceivedDocument,
    "\n  query Notifications($unreadOnly: Boolean!, $after: String) {\n    notifications(unreadOnly: $unreadOnly, first: 20, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          kind\n          title\n          body\n          createdAt\n          readAt\n          application {\n            id\n          }\n          interview {\n            id\n          }\n        }\n      }\n    }\n  }\n": typeof types.NotificationsDocument,
    "\n  mutation MarkNotificationsRead($ids: [ID!]) {\n    markNotificationsRead(ids: $ids)\n  }\n": typeof types.MarkNotificationsReadDocument,
    "\n  query NotificationSettings {\n    me {\n      id\n      notificationSettings {\n        emailEnabled\n        reminderLeadMinutes\n      }\n    }\n  }\n": typeof types.NotificationSettingsDocument,
    "\n  mutation UpdateNotificationSettings($input: UpdateNotificationSettingsInput!) {\n    updateNotificationSettings(input: $input) {\n      emailEnabled\n      reminderLeadMinutes\n    }\n  }\n": typeof types.UpdateNotificationSettingsDocument,
    "\n  query MyProfile {\n    me {\n      id\n      email\n      phone\n      ...ProfileCard\n      ...ProfileFormValues\n      interestedIn {\n        id\n        ...PersonLine\n      }\n    }\n  }\n": typeof types.MyProfileDocument,
    "\n  query Person($id: ID!) {\n    user(id: $id) {\n      id\n      ...ProfileCard\n    }\n    me {\n      id\n      interestedIn {\n        id\n        ...PersonLine\n      }\n    }\n  }\n": typeof types.PersonDocument,
    "\n  query People($search: String!, $first: Int, $after: String) {\n    users(search: $search, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          ...PersonLine\n        }\n      }\n    }\n  }\n": typeof types.PeopleDocument,
    "\n  mutation UpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      id\n      email\n      phone\n      ...ProfileCard\n      ...ProfileFormValues\n    }\n  }\n": typeof types.UpdateProfileDocument,
    "\n  mutation AddInterest($userId: ID!) {\n    addInterest(userId: $userId) {\n      id\n      interestedIn {\n        id\n      }\n    }\n  }\n": typeof types.AddInterestDocument,
    "\n  mutation RemoveInterest($userId: ID!) {\n    removeInterest(userId: $userId) {\n      id\n      interestedIn {\n        id\n      }\n    }\n  }\n": typeof types.RemoveInterestDocument,
    "\n  fragment PersonLine on User {\n    id\n    name\n    headline\n    location\n  }\n": typeof types.PersonLineFragmentDoc,
    "\n  fragment ProfileCard on User {\n    id\n    name\n    headline\n    location\n    skills\n    links {\n      label\n      url\n    }\n  }\n": typeof types.ProfileCardFragmentDoc,
    "\n  fragment ProfileFormValues on User {\n    name\n    email\n    phone\n    showEmail\n    showPhone\n    headline\n    location\n    skills\n    links {\n      label\n      url\n    }\n  }\n": typeof types.ProfileFormValuesFragmentDoc,
    "\n  query Search($query: String!, $types: [SearchType!], $after: String) {\n    search(query: $query, types: $types, first: 30, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      facets {\n        type\n        count\n      }\n      edges {\n        cursor\n        node {\n          score\n          highlights {\n            field\n            snippet\n          }\n          item {\n            __typename\n            ... on Application {\n              id\n              company\n              position\n              status\n            }\n            ... on Interview {\n              id\n              startsAt\n              type\n              application {\n                id\n                company\n                position\n              }\n            }\n            ... on Contact {\n              id\n              name\n              contactCompany: company\n              contactPosition: position\n            }\n            ... on User {\n              id\n              name\n              headline\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.SearchDocument,
    "\n  query ApiTokens {\n    apiTokens {\n      id\n      ...ApiTokenRow\n    }\n  }\n": typeof types.ApiTokensDocument,
    "\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      token\n      apiToken {\n        id\n        name\n        ...ApiTokenRow\n      }\n    }\n  }\n": typeof types.CreateApiTokenDocument,
    "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id)\n  }\n": typeof types.RevokeApiTokenDocument,
    "\n  fragment ApiTokenRow on ApiToken {\n    id\n    name\n    scopes\n    createdAt\n    expiresAt\n    lastUsedAt\n  }\n": typeof types.ApiTokenRowFragmentDoc,
    "\n  query CacheTestBoard {\n    applications(first: 100) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          status\n        }\n      }\n    }\n  }\n": typeof types.CacheTestBoardDocument,
    "\n  mutation CacheTestMove($id: ID!, $status: ApplicationStatus!, $note: String) {\n    changeApplicationStatus(id: $id, status: $status, note: $note) {\n      id\n      status\n      updatedAt\n    }\n  }\n": typeof types.CacheTestMoveDocument,
    "\n  subscription CacheTestChanged {\n    applicationChanged {\n      id\n      status\n      updatedAt\n    }\n  }\n": typeof types.CacheTestChangedDocument,
    "\n  mutation CacheTestBulkDelete($ids: [ID!]!) {\n    deleteApplications(ids: $ids) {\n      id\n      outcome\n    }\n  }\n": typeof types.CacheTestBulkDeleteDocument,
    "\n  mutation CacheTestBulkMove($ids: [ID!]!, $status: ApplicationStatus!) {\n    changeApplicationsStatus(ids: $ids, status: $status) {\n      id\n      outcome\n      application {\n        id\n        status\n        updatedAt\n      }\n    }\n  }\n": typeof types.CacheTestBulkMoveDocument,
    "\n  mutation CacheTestCreate($input: CreateApplicationInput!) {\n    createApplication(input: $input) {\n      id\n    }\n  }\n": typeof types.CacheTestCreateDocument,
    "\n  mutation RefreshSession($token: String!) {\n    refreshToken(token: $token) {\n      token\n      refreshToken\n      user {\n        id\n      }\n    }\n  }\n": typeof types.RefreshSessionDocument,
};
const documents: Documents = {
    "\n  query ApplicationPage($id: ID!) {\n    application(id: $id) {\n      id\n      company\n      position\n      ...ApplicationDetails\n      ...ApplicationTimeline\n      ...ApplicationFormValues\n    }\n  }\n": types.ApplicationPageDocument,
    "\n  query MyDataExports {\n    myDataExports {\n      id\n      ...DataExportRow\n    }\n  }\n": types.MyDataExportsDocument,
    "\n  query MyDataExport($id: ID!) {\n    myDataExport(id: $id) {\n      id\n      ...DataExportRow\n    }\n  }\n": types.MyDataExportDocument,
    "\n  mutation ExportMyData {\n    exportMyData {\n      id\n      ...DataExportRow\n    }\n  }\n": types.ExportMyDataDocument,
    "\n  mutation DeleteMyAccount($password: String!) {\n    deleteMyAccount(password: $password)\n  }\n": types.DeleteMyAccountDocument,
    "\n  fragment DataExportRow on DataExport {\n    id\n    status\n    createdAt\n    finishedAt\n    size\n    missingParts\n    downloadUrl\n  }\n": types.DataExportRowFragmentDoc,
    "\n  query Analytics($timeZone: String!, $from: DateTime, $to: DateTime) {\n    me {\n      id\n      analytics(timeZone: $timeZone, from: $from, to: $to) {\n        total\n        responseRate\n        medianDaysToResponse\n        perMonth {\n          month\n          count\n        }\n        byStatus {\n          status\n          count\n        }\n        byPosition {\n          category\n          count\n        }\n        byLocation {\n          category\n          count\n        }\n        funnel {\n          status\n          count\n          rate\n        }\n        averageDaysInStatus {\n          status\n          averageDays\n        }\n        weeklyActivity(weeks: 12) {\n          weekStart\n          count\n        }\n      }\n    }\n  }\n": types.AnalyticsDocument,
    "\n  query Applications($filter: ApplicationFilter, $first: Int, $after: String, $orderBy: ApplicationOrder) {\n    applications(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          company\n          position\n          ...ApplicationCard\n          ...ApplicationRow\n        }\n      }\n    }\n  }\n": types.ApplicationsDocument,
    "\n  mutation CreateApplication($input: CreateApplicationInput!) {\n    createApplication(input: $input) {\n      id\n      status\n    }\n  }\n": types.CreateApplicationDocument,
    "\n  mutation UpdateApplication($id: ID!, $input: UpdateApplicationInput!) {\n    updateApplication(id: $id, input: $input) {\n      id\n      ...ApplicationDetails\n      ...ApplicationFormValues\n    }\n  }\n": types.UpdateApplicationDocument,
    "\n  mutation ChangeApplicationStatus($id: ID!, $status: ApplicationStatus!, $note: String) {\n    changeApplicationStatus(id: $id, status: $status, note: $note) {\n      id\n      status\n      updatedAt\n    }\n  }\n": types.ChangeApplicationStatusDocument,
    "\n  mutation DeleteApplication($id: ID!) {\n    deleteApplication(id: $id)\n  }\n": types.DeleteApplicationDocument,
    "\n  subscription ApplicationChanged {\n    applicationChanged {\n      id\n      status\n      updatedAt\n      ...ApplicationDetails\n      ...ApplicationCard\n      ...ApplicationRow\n    }\n  }\n": types.ApplicationChangedDocument,
    "\n  mutation ChangeApplicationsStatus($ids: [ID!]!, $status: ApplicationStatus!, $note: String) {\n    changeApplicationsStatus(ids: $ids, status: $status, note: $note) {\n      id\n      outcome\n      application {\n        id\n        status\n        updatedAt\n      }\n    }\n  }\n": types.ChangeApplicationsStatusDocument,
    "\n  mutation DeleteApplications($ids: [ID!]!) {\n    deleteApplications(ids: $ids) {\n      id\n      outcome\n    }\n  }\n": types.DeleteApplicationsDocument,
    "\n  mutation AddTimelineNote($applicationId: ID!, $note: String!) {\n    addTimelineNote(applicationId: $applicationId, note: $note) {\n      id\n      ...TimelineEntryItem\n    }\n  }\n": types.AddTimelineNoteDocument,
    "\n  mutation ExportApplications($format: ApplicationFileFormat!, $filter: ApplicationFilter) {\n    exportApplications(format: $format, filter: $filter) {\n      url\n      filename\n      contentType\n      rowCount\n      expiresAt\n    }\n  }\n": types.ExportApplicationsDocument,
    "\n  mutation ImportApplications($file: Upload!, $commit: Boolean!) {\n    importApplications(file: $file, commit: $commit) {\n      committed\n      createdCount\n      refusedCount\n      ignoredColumns\n      columns {\n        column\n        field\n      }\n      rows {\n        row\n        outcome\n        company\n        position\n        applicationId\n        errors {\n          field\n          message\n        }\n      }\n    }\n  }\n": types.ImportApplicationsDocument,
    "\n  fragment ApplicationCard on Application {\n    id\n    company\n    position\n    location\n    status\n    priority\n    deadline\n    tags\n  }\n": types.ApplicationCardFragmentDoc,
    "\n  fragment ApplicationDetails on Application {\n    id\n    company\n    position\n    location\n    status\n    jobUrl\n    description\n    notes\n    appliedAt\n    createdAt\n    salary {\n      min\n      max\n      currency\n      period\n    }\n    source\n    sourceDetail\n    priority\n    workMode\n    employmentType\n    deadline\n    tags\n  }\n": types.ApplicationDetailsFragmentDoc,
    "\n  fragment ApplicationFormValues on Application {\n    company\n    position\n    location\n    jobUrl\n    description\n    notes\n    salary {\n      min\n      max\n      currency\n      period\n    }\n    source\n    sourceDetail\n    priority\n    workMode\n    employmentType\n    deadline\n    tags\n  }\n": types.ApplicationFormValuesFragmentDoc,
    "\n  fragment ApplicationRow on Application {\n    id\n    company\n    position\n    location\n    status\n    appliedAt\n    updatedAt\n    priority\n    deadline\n  }\n": types.ApplicationRowFragmentDoc,
    "\n  fragment TimelineEntryItem on TimelineEntry {\n    id\n    at\n    kind\n    summary\n    status\n    previousStatus\n    note\n    changedFields {\n      field\n      old\n      new\n    }\n    interviewStartsAt\n    previousStartsAt\n    fileName\n    contactName\n  }\n": types.TimelineEntryItemFragmentDoc,
    "\n  fragment ApplicationTimeline on Application {\n    id\n    timeline {\n      id\n      ...TimelineEntryItem\n    }\n  }\n": types.ApplicationTimelineFragmentDoc,
    "\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      token\n      refreshToken\n      user {\n        id\n        name\n      }\n    }\n  }\n": types.RegisterDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      token\n      refreshToken\n      user {\n        id\n        name\n      }\n    }\n  }\n": types.LoginDocument,
    "\n  query Contacts($search: String, $first: Int, $after: String) {\n    contacts(search: $search, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          ...ContactItem\n        }\n      }\n    }\n  }\n": types.ContactsDocument,
    "\n  mutation CreateContact($input: CreateContactInput!) {\n    createContact(input: $input) {\n      id\n      ...ContactItem\n    }\n  }\n": types.CreateContactDocument,
    "\n  mutation DeleteContact($id: ID!) {\n    deleteContact(id: $id)\n  }\n": types.DeleteContactDocument,
    "\n  query ApplicationContacts($id: ID!) {\n    application(id: $id) {\n      id\n      contacts {\n        id\n        name\n        position\n        company\n      }\n    }\n  }\n": types.ApplicationContactsDocument,
    "\n  mutation LinkContact($applicationId: ID!, $contactId: ID!) {\n    linkContact(applicationId: $applicationId, contactId: $contactId) {\n      id\n      contacts {\n        id\n        name\n        position\n        company\n      }\n    }\n  }\n": types.LinkContactDocument,
    "\n  mutation UnlinkContact($applicationId: ID!, $contactId: ID!) {\n    unlinkContact(applicationId: $applicationId, contactId: $contactId) {\n      id\n      contacts {\n        id\n        name\n        position\n        company\n      }\n    }\n  }\n": types.UnlinkContactDocument,
    "\n  query ContactChoices($search: String) {\n    contacts(search: $search, first: 20) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          company\n        }\n      }\n    }\n  }\n": types.ContactChoicesDocument,
    "\n  fragment ContactItem on Contact {\n    id\n    name\n    position\n    company\n    email\n    phone\n    notes\n    links {\n      label\n      url\n    }\n    linkedUser {\n      id\n      name\n      headline\n    }\n    applications {\n      id\n      position\n      company\n    }\n  }\n": types.ContactItemFragmentDoc,
    "\n  query Dashboard {\n    me {\n      id\n      name\n      applicationCounts {\n        ...CountsCard\n      }\n      recentApplications(first: 5) {\n        id\n        ...RecentApplication\n      }\n      upcomingInterviews(first: 5) {\n        id\n        ...UpcomingInterview\n      }\n    }\n  }\n": types.DashboardDocument,
    "\n  fragment CountsCard on ApplicationCounts {\n    total\n    inProgress\n    byStatus {\n      status\n      count\n    }\n  }\n": types.CountsCardFragmentDoc,
    "\n  fragment RecentApplication on Application {\n    id\n    company\n    position\n    status\n    appliedAt\n  }\n": types.RecentApplicationFragmentDoc,
    "\n  fragment UpcomingInterview on Interview {\n    id\n    startsAt\n    type\n    application {\n      id\n      company\n      position\n    }\n  }\n": types.UpcomingInterviewFragmentDoc,
    "\n  fragment FileRow on File {\n    id\n    name\n    contentType\n    size\n    kind\n    createdAt\n    downloadUrl\n  }\n": types.FileRowFragmentDoc,
    "\n  mutation UploadFile($file: Upload!, $kind: FileKind!, $applicationId: ID) {\n    uploadFile(file: $file, kind: $kind, applicationId: $applicationId) {\n      id\n      ...FileRow\n    }\n  }\n": types.UploadFileDocument,
    "\n  mutation SetResume($fileId: ID) {\n    setResume(fileId: $fileId) {\n      id\n    }\n  }\n": types.SetResumeDocument,
    "\n  mutation DeleteFile($id: ID!) {\n    deleteFile(id: $id)\n  }\n": types.DeleteFileDocument,
    "\n  query MyFiles {\n    me {\n      id\n      resume {\n        id\n        ...FileRow\n      }\n      files(first: 50) {\n        totalCount\n        edges {\n          node {\n            id\n            ...FileRow\n          }\n        }\n      }\n    }\n  }\n": types.MyFilesDocument,
    "\n  query ApplicationFiles($id: ID!) {\n    application(id: $id) {\n      id\n      description\n      documents {\n        id\n        ...FileRow\n      }\n      resumeMatch {\n        score\n        matchedKeywords\n        missingKeywords\n        suggestions\n      }\n    }\n  }\n": types.ApplicationFilesDocument,
    "\n  mutation CreateUpload($input: CreateUploadInput!) {\n    createUpload(input: $input) {\n      file {\n        id\n      }\n      url\n      method\n      headers {\n        name\n        value\n      }\n      expiresAt\n    }\n  }\n": types.CreateUploadDocument,
    "\n  mutation CompleteUpload($id: ID!) {\n    completeUpload(id: $id) {\n      id\n      ...FileRow\n    }\n  }\n": types.CompleteUploadDocument,
    "\n  query Interviews($filter: InterviewFilter, $first: Int, $after: String) {\n    interviews(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          startsAt\n          ...InterviewItem\n        }\n      }\n    }\n  }\n": types.InterviewsDocument,
    "\n  mutation ScheduleInterview($input: ScheduleInterviewInput!) {\n    scheduleInterview(input: $input) {\n      id\n      ...InterviewItem\n    }\n  }\n": types.ScheduleInterviewDocument,
    "\n  mutation CancelInterview($id: ID!) {\n    cancelInterview(id: $id) {\n      id\n      cancelled\n      cancelledAt\n    }\n  }\n": types.CancelInterviewDocument,
    "\n  fragment ApplicationInterviews on Application {\n    id\n    interviews(includeCancelled: true) {\n      id\n      ...InterviewItem\n    }\n  }\n": types.ApplicationInterviewsFragmentDoc,
    "\n  query ApplicationInterviews($id: ID!) {\n    application(id: $id) {\n      id\n      ...ApplicationInterviews\n    }\n  }\n": types.ApplicationInterviewsDocument,
    "\n  fragment InterviewItem on Interview {\n    id\n    startsAt\n    durationMinutes\n    type\n    location\n    meetingUrl\n    details\n    cancelled\n    application {\n      id\n      company\n      position\n    }\n  }\n": types.InterviewItemFragmentDoc,
    "\n  query UnreadCount {\n    me {\n      id\n      unreadNotificationCount\n    }\n  }\n": types.UnreadCountDocument,
    "\n  subscription NotificationReceived {\n    notificationReceived {\n      id\n      title\n      readAt\n    }\n  }\n": types.NotificationReceivedDocument,
    "\n  query Notifications($unreadOnly: Boolean!, $after: String) {\n    notifications(unreadOnly: $unreadOnly, first: 20, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          kind\n          title\n          body\n          createdAt\n          readAt\n          application {\n            id\n          }\n          interview {\n            id\n          }\n        }\n      }\n    }\n  }\n": types.NotificationsDocument,
    "\n  mutation MarkNotificationsRead($ids: [ID!]) {\n    markNotificationsRead(ids: $ids)\n  }\n": types.MarkNotificationsReadDocument,
    "\n  query NotificationSettings {\n    me {\n      id\n      notificationSettings {\n        emailEnabled\n        reminderLeadMinutes\n      }\n    }\n  }\n": types.NotificationSettingsDocument,
    "\n  mutation UpdateNotificationSettings($input: UpdateNotificationSettingsInput!) {\n    updateNotificationSettings(input: $input) {\n      emailEnabled\n      reminderLeadMinutes\n    }\n  }\n": types.UpdateNotificationSettingsDocument,
    "\n  query MyProfile {\n    me {\n      id\n      email\n      phone\n      ...ProfileCard\n      ...ProfileFormValues\n      interestedIn {\n        id\n        ...PersonLine\n      }\n    }\n  }\n": types.MyProfileDocument,
    "\n  query Person($id: ID!) {\n    user(id: $id) {\n      id\n      ...ProfileCard\n    }\n    me {\n      id\n      interestedIn {\n        id\n        ...PersonLine\n      }\n    }\n  }\n": types.PersonDocument,
    "\n  query People($search: String!, $first: Int, $after: String) {\n    users(search: $search, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          ...PersonLine\n        }\n      }\n    }\n  }\n": types.PeopleDocument,
    "\n  mutation UpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      id\n      email\n      phone\n      ...ProfileCard\n      ...ProfileFormValues\n    }\n  }\n": types.UpdateProfileDocument,
    "\n  mutation AddInterest($userId: ID!) {\n    addInterest(userId: $userId) {\n      id\n      interestedIn {\n        id\n      }\n    }\n  }\n": types.AddInterestDocument,
    "\n  mutation RemoveInterest($userId: ID!) {\n    removeInterest(userId: $userId) {\n      id\n      interestedIn {\n        id\n      }\n    }\n  }\n": types.RemoveInterestDocument,
    "\n  fragment PersonLine on User {\n    id\n    name\n    headline\n    location\n  }\n": types.PersonLineFragmentDoc,
    "\n  fragment ProfileCard on User {\n    id\n    name\n    headline\n    location\n    skills\n    links {\n      label\n      url\n    }\n  }\n": types.ProfileCardFragmentDoc,
    "\n  fragment ProfileFormValues on User {\n    name\n    email\n    phone\n    showEmail\n    showPhone\n    headline\n    location\n    skills\n    links {\n      label\n      url\n    }\n  }\n": types.ProfileFormValuesFragmentDoc,
    "\n  query Search($query: String!, $types: [SearchType!], $after: String) {\n    search(query: $query, types: $types, first: 30, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      facets {\n        type\n        count\n      }\n      edges {\n        cursor\n        node {\n          score\n          highlights {\n            field\n            snippet\n          }\n          item {\n            __typename\n            ... on Application {\n              id\n              company\n              position\n              status\n            }\n            ... on Interview {\n              id\n              startsAt\n              type\n              application {\n                id\n                company\n                position\n              }\n            }\n            ... on Contact {\n              id\n              name\n              contactCompany: company\n              contactPosition: position\n            }\n            ... on User {\n              id\n              name\n              headline\n            }\n          }\n        }\n      }\n    }\n  }\n": types.SearchDocument,
    "\n  query ApiTokens {\n    apiTokens {\n      id\n      ...ApiTokenRow\n    }\n  }\n": types.ApiTokensDocument,
    "\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      token\n      apiToken {\n        id\n        name\n        ...ApiTokenRow\n      }\n    }\n  }\n": types.CreateApiTokenDocument,
    "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id)\n  }\n": types.RevokeApiTokenDocument,
    "\n  fragment ApiTokenRow on ApiToken {\n    id\n    name\n    scopes\n    createdAt\n    expiresAt\n    lastUsedAt\n  }\n": types.ApiTokenRowFragmentDoc,
    "\n  query CacheTestBoard {\n    applications(first: 100) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          status\n        }\n      }\n    }\n  }\n": types.CacheTestBoardDocument,
    "\n  mutation CacheTestMove($id: ID!, $status: ApplicationStatus!, $note: String) {\n    changeApplicationStatus(id: $id, status: $status, note: $note) {\n      id\n      status\n      updatedAt\n    }\n  }\n": types.CacheTestMoveDocument,
    "\n  subscription CacheTestChanged {\n    applicationChanged {\n      id\n      status\n      updatedAt\n    }\n  }\n": types.CacheTestChangedDocument,
    "\n  mutation CacheTestBulkDelete($ids: [ID!]!) {\n    deleteApplications(ids: $ids) {\n      id\n      outcome\n    }\n  }\n": types.CacheTestBulkDeleteDocument,
    "\n  mutation CacheTestBulkMove($ids: [ID!]!, $status: ApplicationStatus!) {\n    changeApplicationsStatus(ids: $ids, status: $status) {\n      id\n      outcome\n      application {\n        id\n        status\n        updatedAt\n      }\n    }\n  }\n": types.CacheTestBulkMoveDocument,
    "\n  mutation CacheTestCreate($input: CreateApplicationInput!) {\n    createApplication(input: $input) {\n      id\n    }\n  }\n": types.CacheTestCreateDocument,
    "\n  mutation RefreshSession($token: String!) {\n    refreshToken(token: $token) {\n      token\n      refreshToken\n      user {\n        id\n      }\n    }\n  }\n": types.RefreshSessionDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApplicationPage($id: ID!) {\n    application(id: $id) {\n      id\n      company\n      position\n      ...ApplicationDetails\n      ...ApplicationTimeline\n      ...ApplicationFormValues\n    }\n  }\n"): (typeof documents)["\n  query ApplicationPage($id: ID!) {\n    application(id: $id) {\n      id\n      company\n      position\n      ...ApplicationDetails\n      ...ApplicationTimeline\n      ...ApplicationFormValues\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyDataExports {\n    myDataExports {\n      id\n      ...DataExportRow\n    }\n  }\n"): (typeof documents)["\n  query MyDataExports {\n    myDataExports {\n      id\n      ...DataExportRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyDataExport($id: ID!) {\n    myDataExport(id: $id) {\n      id\n      ...DataExportRow\n    }\n  }\n"): (typeof documents)["\n  query MyDataExport($id: ID!) {\n    myDataExport(id: $id) {\n      id\n      ...DataExportRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ExportMyData {\n    exportMyData {\n      id\n      ...DataExportRow\n    }\n  }\n"): (typeof documents)["\n  mutation ExportMyData {\n    exportMyData {\n      id\n      ...DataExportRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteMyAccount($password: String!) {\n    deleteMyAccount(password: $password)\n  }\n"): (typeof documents)["\n  mutation DeleteMyAccount($password: String!) {\n    deleteMyAccount(password: $password)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DataExportRow on DataExport {\n    id\n    status\n    createdAt\n    finishedAt\n    size\n    missingParts\n    downloadUrl\n  }\n"): (typeof documents)["\n  fragment DataExportRow on DataExport {\n    id\n    status\n    createdAt\n    finishedAt\n    size\n    missingParts\n    downloadUrl\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Analytics($timeZone: String!, $from: DateTime, $to: DateTime) {\n    me {\n      id\n      analytics(timeZone: $timeZone, from: $from, to: $to) {\n        total\n        responseRate\n        medianDaysToResponse\n        perMonth {\n          month\n          count\n        }\n        byStatus {\n          status\n          count\n        }\n        byPosition {\n          category\n          count\n        }\n        byLocation {\n          category\n          count\n        }\n        funnel {\n          status\n          count\n          rate\n        }\n        averageDaysInStatus {\n          status\n          averageDays\n        }\n        weeklyActivity(weeks: 12) {\n          weekStart\n          count\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Analytics($timeZone: String!, $from: DateTime, $to: DateTime) {\n    me {\n      id\n      analytics(timeZone: $timeZone, from: $from, to: $to) {\n        total\n        responseRate\n        medianDaysToResponse\n        perMonth {\n          month\n          count\n        }\n        byStatus {\n          status\n          count\n        }\n        byPosition {\n          category\n          count\n        }\n        byLocation {\n          category\n          count\n        }\n        funnel {\n          status\n          count\n          rate\n        }\n        averageDaysInStatus {\n          status\n          averageDays\n        }\n        weeklyActivity(weeks: 12) {\n          weekStart\n          count\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Applications($filter: ApplicationFilter, $first: Int, $after: String, $orderBy: ApplicationOrder) {\n    applications(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          company\n          position\n          ...ApplicationCard\n          ...ApplicationRow\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Applications($filter: ApplicationFilter, $first: Int, $after: String, $orderBy: ApplicationOrder) {\n    applications(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          company\n          position\n          ...ApplicationCard\n          ...ApplicationRow\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApplication($input: CreateApplicationInput!) {\n    createApplication(input: $input) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation CreateApplication($input: CreateApplicationInput!) {\n    createApplication(input: $input) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateApplication($id: ID!, $input: UpdateApplicationInput!) {\n    updateApplication(id: $id, input: $input) {\n      id\n      ...ApplicationDetails\n      ...ApplicationFormValues\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateApplication($id: ID!, $input: UpdateApplicationInput!) {\n    updateApplication(id: $id, input: $input) {\n      id\n      ...ApplicationDetails\n      ...ApplicationFormValues\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangeApplicationStatus($id: ID!, $status: ApplicationStatus!, $note: String) {\n    changeApplicationStatus(id: $id, status: $status, note: $note) {\n      id\n      status\n      updatedAt\n    }\n  }\n"): (typeof documents)["\n  mutation ChangeApplicationStatus($id: ID!, $status: ApplicationStatus!, $note: String) {\n    changeApplicationStatus(id: $id, status: $status, note: $note) {\n      id\n      status\n      updatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteApplication($id: ID!) {\n    deleteApplication(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteApplication($id: ID!) {\n    deleteApplication(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ApplicationChanged {\n    applicationChanged {\n      id\n      status\n      updatedAt\n      ...ApplicationDetails\n      ...ApplicationCard\n      ...ApplicationRow\n    }\n  }\n"): (typeof documents)["\n  subscription ApplicationChanged {\n    applicationChanged {\n      id\n      status\n      updatedAt\n      ...ApplicationDetails\n      ...ApplicationCard\n      ...ApplicationRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangeApplicationsStatus($ids: [ID!]!, $status: ApplicationStatus!, $note: String) {\n    changeApplicationsStatus(ids: $ids, status: $status, note: $note) {\n      id\n      outcome\n      application {\n        id\n        status\n        updatedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ChangeApplicationsStatus($ids: [ID!]!, $status: ApplicationStatus!, $note: String) {\n    changeApplicationsStatus(ids: $ids, status: $status, note: $note) {\n      id\n      outcome\n      application {\n        id\n        status\n        updatedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteApplications($ids: [ID!]!) {\n    deleteApplications(ids: $ids) {\n      id\n      outcome\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteApplications($ids: [ID!]!) {\n    deleteApplications(ids: $ids) {\n      id\n      outcome\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddTimelineNote($applicationId: ID!, $note: String!) {\n    addTimelineNote(applicationId: $applicationId, note: $note) {\n      id\n      ...TimelineEntryItem\n    }\n  }\n"): (typeof documents)["\n  mutation AddTimelineNote($applicationId: ID!, $note: String!) {\n    addTimelineNote(applicationId: $applicationId, note: $note) {\n      id\n      ...TimelineEntryItem\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ExportApplications($format: ApplicationFileFormat!, $filter: ApplicationFilter) {\n    exportApplications(format: $format, filter: $filter) {\n      url\n      filename\n      contentType\n      rowCount\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  mutation ExportApplications($format: ApplicationFileFormat!, $filter: ApplicationFilter) {\n    exportApplications(format: $format, filter: $filter) {\n      url\n      filename\n      contentType\n      rowCount\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportApplications($file: Upload!, $commit: Boolean!) {\n    importApplications(file: $file, commit: $commit) {\n      committed\n      createdCount\n      refusedCount\n      ignoredColumns\n      columns {\n        column\n        field\n      }\n      rows {\n        row\n        outcome\n        company\n        position\n        applicationId\n        errors {\n          field\n          message\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ImportApplications($file: Upload!, $commit: Boolean!) {\n    importApplications(file: $file, commit: $commit) {\n      committed\n      createdCount\n      refusedCount\n      ignoredColumns\n      columns {\n        column\n        field\n      }\n      rows {\n        row\n        outcome\n        company\n        position\n        applicationId\n        errors {\n          field\n          message\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ApplicationCard on Application {\n    id\n    company\n    position\n    location\n    status\n    priority\n    deadline\n    tags\n  }\n"): (typeof documents)["\n  fragment ApplicationCard on Application {\n    id\n    company\n    position\n    location\n    status\n    priority\n    deadline\n    tags\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ApplicationDetails on Application {\n    id\n    company\n    position\n    location\n    status\n    jobUrl\n    description\n    notes\n    appliedAt\n    createdAt\n    salary {\n      min\n      max\n      currency\n      period\n    }\n    source\n    sourceDetail\n    priority\n    workMode\n    employmentType\n    deadline\n    tags\n  }\n"): (typeof documents)["\n  fragment ApplicationDetails on Application {\n    id\n    company\n    position\n    location\n    status\n    jobUrl\n    description\n    notes\n    appliedAt\n    createdAt\n    salary {\n      min\n      max\n      currency\n      period\n    }\n    source\n    sourceDetail\n    priority\n    workMode\n    employmentType\n    deadline\n    tags\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ApplicationFormValues on Application {\n    company\n    position\n    location\n    jobUrl\n    description\n    notes\n    salary {\n      min\n      max\n      currency\n      period\n    }\n    source\n    sourceDetail\n    priority\n    workMode\n    employmentType\n    deadline\n    tags\n  }\n"): (typeof documents)["\n  fragment ApplicationFormValues on Application {\n    company\n    position\n    location\n    jobUrl\n    description\n    notes\n    salary {\n      min\n      max\n      currency\n      period\n    }\n    source\n    sourceDetail\n    priority\n    workMode\n    employmentType\n    deadline\n    tags\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ApplicationRow on Application {\n    id\n    company\n    position\n    location\n    status\n    appliedAt\n    updatedAt\n    priority\n    deadline\n  }\n"): (typeof documents)["\n  fragment ApplicationRow on Application {\n    id\n    company\n    position\n    location\n    status\n    appliedAt\n    updatedAt\n    priority\n    deadline\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TimelineEntryItem on TimelineEntry {\n    id\n    at\n    kind\n    summary\n    status\n    previousStatus\n    note\n    changedFields {\n      field\n      old\n      new\n    }\n    interviewStartsAt\n    previousStartsAt\n    fileName\n    contactName\n  }\n"): (typeof documents)["\n  fragment TimelineEntryItem on TimelineEntry {\n    id\n    at\n    kind\n    summary\n    status\n    previousStatus\n    note\n    changedFields {\n      field\n      old\n      new\n    }\n    interviewStartsAt\n    previousStartsAt\n    fileName\n    contactName\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ApplicationTimeline on Application {\n    id\n    timeline {\n      id\n      ...TimelineEntryItem\n    }\n  }\n"): (typeof documents)["\n  fragment ApplicationTimeline on Application {\n    id\n    timeline {\n      id\n      ...TimelineEntryItem\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      token\n      refreshToken\n      user {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      token\n      refreshToken\n      user {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      token\n      refreshToken\n      user {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      token\n      refreshToken\n      user {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Contacts($search: String, $first: Int, $after: String) {\n    contacts(search: $search, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          ...ContactItem\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Contacts($search: String, $first: Int, $after: String) {\n    contacts(search: $search, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          ...ContactItem\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateContact($input: CreateContactInput!) {\n    createContact(input: $input) {\n      id\n      ...ContactItem\n    }\n  }\n"): (typeof documents)["\n  mutation CreateContact($input: CreateContactInput!) {\n    createContact(input: $input) {\n      id\n      ...ContactItem\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteContact($id: ID!) {\n    deleteContact(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteContact($id: ID!) {\n    deleteContact(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApplicationContacts($id: ID!) {\n    application(id: $id) {\n      id\n      contacts {\n        id\n        name\n        position\n        company\n      }\n    }\n  }\n"): (typeof documents)["\n  query ApplicationContacts($id: ID!) {\n    application(id: $id) {\n      id\n      contacts {\n        id\n        name\n        position\n        company\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LinkContact($applicationId: ID!, $contactId: ID!) {\n    linkContact(applicationId: $applicationId, contactId: $contactId) {\n      id\n      contacts {\n        id\n        name\n        position\n        company\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation LinkContact($applicationId: ID!, $contactId: ID!) {\n    linkContact(applicationId: $applicationId, contactId: $contactId) {\n      id\n      contacts {\n        id\n        name\n        position\n        company\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnlinkContact($applicationId: ID!, $contactId: ID!) {\n    unlinkContact(applicationId: $applicationId, contactId: $contactId) {\n      id\n      contacts {\n        id\n        name\n        position\n        company\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UnlinkContact($applicationId: ID!, $contactId: ID!) {\n    unlinkContact(applicationId: $applicationId, contactId: $contactId) {\n      id\n      contacts {\n        id\n        name\n        position\n        company\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ContactChoices($search: String) {\n    contacts(search: $search, first: 20) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          company\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ContactChoices($search: String) {\n    contacts(search: $search, first: 20) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          company\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ContactItem on Contact {\n    id\n    name\n    position\n    company\n    email\n    phone\n    notes\n    links {\n      label\n      url\n    }\n    linkedUser {\n      id\n      name\n      headline\n    }\n    applications {\n      id\n      position\n      company\n    }\n  }\n"): (typeof documents)["\n  fragment ContactItem on Contact {\n    id\n    name\n    position\n    company\n    email\n    phone\n    notes\n    links {\n      label\n      url\n    }\n    linkedUser {\n      id\n      name\n      headline\n    }\n    applications {\n      id\n      position\n      company\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Dashboard {\n    me {\n      id\n      name\n      applicationCounts {\n        ...CountsCard\n      }\n      recentApplications(first: 5) {\n        id\n        ...RecentApplication\n      }\n      upcomingInterviews(first: 5) {\n        id\n        ...UpcomingInterview\n      }\n    }\n  }\n"): (typeof documents)["\n  query Dashboard {\n    me {\n      id\n      name\n      applicationCounts {\n        ...CountsCard\n      }\n      recentApplications(first: 5) {\n        id\n        ...RecentApplication\n      }\n      upcomingInterviews(first: 5) {\n        id\n        ...UpcomingInterview\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CountsCard on ApplicationCounts {\n    total\n    inProgress\n    byStatus {\n      status\n      count\n    }\n  }\n"): (typeof documents)["\n  fragment CountsCard on ApplicationCounts {\n    total\n    inProgress\n    byStatus {\n      status\n      count\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RecentApplication on Application {\n    id\n    company\n    position\n    status\n    appliedAt\n  }\n"): (typeof documents)["\n  fragment RecentApplication on Application {\n    id\n    company\n    position\n    status\n    appliedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UpcomingInterview on Interview {\n    id\n    startsAt\n    type\n    application {\n      id\n      company\n      position\n    }\n  }\n"): (typeof documents)["\n  fragment UpcomingInterview on Interview {\n    id\n    startsAt\n    type\n    application {\n      id\n      company\n      position\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment FileRow on File {\n    id\n    name\n    contentType\n    size\n    kind\n    createdAt\n    downloadUrl\n  }\n"): (typeof documents)["\n  fragment FileRow on File {\n    id\n    name\n    contentType\n    size\n    kind\n    createdAt\n    downloadUrl\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UploadFile($file: Upload!, $kind: FileKind!, $applicationId: ID) {\n    uploadFile(file: $file, kind: $kind, applicationId: $applicationId) {\n      id\n      ...FileRow\n    }\n  }\n"): (typeof documents)["\n  mutation UploadFile($file: Upload!, $kind: FileKind!, $applicationId: ID) {\n    uploadFile(file: $file, kind: $kind, applicationId: $applicationId) {\n      id\n      ...FileRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetResume($fileId: ID) {\n    setResume(fileId: $fileId) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation SetResume($fileId: ID) {\n    setResume(fileId: $fileId) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteFile($id: ID!) {\n    deleteFile(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteFile($id: ID!) {\n    deleteFile(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyFiles {\n    me {\n      id\n      resume {\n        id\n        ...FileRow\n      }\n      files(first: 50) {\n        totalCount\n        edges {\n          node {\n            id\n            ...FileRow\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyFiles {\n    me {\n      id\n      resume {\n        id\n        ...FileRow\n      }\n      files(first: 50) {\n        totalCount\n        edges {\n          node {\n            id\n            ...FileRow\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApplicationFiles($id: ID!) {\n    application(id: $id) {\n      id\n      description\n      documents {\n        id\n        ...FileRow\n      }\n      resumeMatch {\n        score\n        matchedKeywords\n        missingKeywords\n        suggestions\n      }\n    }\n  }\n"): (typeof documents)["\n  query ApplicationFiles($id: ID!) {\n    application(id: $id) {\n      id\n      description\n      documents {\n        id\n        ...FileRow\n      }\n      resumeMatch {\n        score\n        matchedKeywords\n        missingKeywords\n        suggestions\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateUpload($input: CreateUploadInput!) {\n    createUpload(input: $input) {\n      file {\n        id\n      }\n      url\n      method\n      headers {\n        name\n        value\n      }\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  mutation CreateUpload($input: CreateUploadInput!) {\n    createUpload(input: $input) {\n      file {\n        id\n      }\n      url\n      method\n      headers {\n        name\n        value\n      }\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CompleteUpload($id: ID!) {\n    completeUpload(id: $id) {\n      id\n      ...FileRow\n    }\n  }\n"): (typeof documents)["\n  mutation CompleteUpload($id: ID!) {\n    completeUpload(id: $id) {\n      id\n      ...FileRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Interviews($filter: InterviewFilter, $first: Int, $after: String) {\n    interviews(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          startsAt\n          ...InterviewItem\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Interviews($filter: InterviewFilter, $first: Int, $after: String) {\n    interviews(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          startsAt\n          ...InterviewItem\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ScheduleInterview($input: ScheduleInterviewInput!) {\n    scheduleInterview(input: $input) {\n      id\n      ...InterviewItem\n    }\n  }\n"): (typeof documents)["\n  mutation ScheduleInterview($input: ScheduleInterviewInput!) {\n    scheduleInterview(input: $input) {\n      id\n      ...InterviewItem\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelInterview($id: ID!) {\n    cancelInterview(id: $id) {\n      id\n      cancelled\n      cancelledAt\n    }\n  }\n"): (typeof documents)["\n  mutation CancelInterview($id: ID!) {\n    cancelInterview(id: $id) {\n      id\n      cancelled\n      cancelledAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ApplicationInterviews on Application {\n    id\n    interviews(includeCancelled: true) {\n      id\n      ...InterviewItem\n    }\n  }\n"): (typeof documents)["\n  fragment ApplicationInterviews on Application {\n    id\n    interviews(includeCancelled: true) {\n      id\n      ...InterviewItem\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApplicationInterviews($id: ID!) {\n    application(id: $id) {\n      id\n      ...ApplicationInterviews\n    }\n  }\n"): (typeof documents)["\n  query ApplicationInterviews($id: ID!) {\n    application(id: $id) {\n      id\n      ...ApplicationInterviews\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment InterviewItem on Interview {\n    id\n    startsAt\n    durationMinutes\n    type\n    location\n    meetingUrl\n    details\n    cancelled\n    application {\n      id\n      company\n      position\n    }\n  }\n"): (typeof documents)["\n  fragment InterviewItem on Interview {\n    id\n    startsAt\n    durationMinutes\n    type\n    location\n    meetingUrl\n    details\n    cancelled\n    application {\n      id\n      company\n      position\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnreadCount {\n    me {\n      id\n      unreadNotificationCount\n    }\n  }\n"): (typeof documents)["\n  query UnreadCount {\n    me {\n      id\n      unreadNotificationCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription NotificationReceived {\n    notificationReceived {\n      id\n      title\n      readAt\n    }\n  }\n"): (typeof documents)["\n  subscription NotificationReceived {\n    notificationReceived {\n      id\n      title\n      readAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Notifications($unreadOnly: Boolean!, $after: String) {\n    notifications(unreadOnly: $unreadOnly, first: 20, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          kind\n          title\n          body\n          createdAt\n          readAt\n          application {\n            id\n          }\n          interview {\n            id\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Notifications($unreadOnly: Boolean!, $after: String) {\n    notifications(unreadOnly: $unreadOnly, first: 20, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          kind\n          title\n          body\n          createdAt\n          readAt\n          application {\n            id\n          }\n          interview {\n            id\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkNotificationsRead($ids: [ID!]) {\n    markNotificationsRead(ids: $ids)\n  }\n"): (typeof documents)["\n  mutation MarkNotificationsRead($ids: [ID!]) {\n    markNotificationsRead(ids: $ids)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NotificationSettings {\n    me {\n      id\n      notificationSettings {\n        emailEnabled\n        reminderLeadMinutes\n      }\n    }\n  }\n"): (typeof documents)["\n  query NotificationSettings {\n    me {\n      id\n      notificationSettings {\n        emailEnabled\n        reminderLeadMinutes\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateNotificationSettings($input: UpdateNotificationSettingsInput!) {\n    updateNotificationSettings(input: $input) {\n      emailEnabled\n      reminderLeadMinutes\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateNotificationSettings($input: UpdateNotificationSettingsInput!) {\n    updateNotificationSettings(input: $input) {\n      emailEnabled\n      reminderLeadMinutes\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyProfile {\n    me {\n      id\n      email\n      phone\n      ...ProfileCard\n      ...ProfileFormValues\n      interestedIn {\n        id\n        ...PersonLine\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyProfile {\n    me {\n      id\n      email\n      phone\n      ...ProfileCard\n      ...ProfileFormValues\n      interestedIn {\n        id\n        ...PersonLine\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Person($id: ID!) {\n    user(id: $id) {\n      id\n      ...ProfileCard\n    }\n    me {\n      id\n      interestedIn {\n        id\n        ...PersonLine\n      }\n    }\n  }\n"): (typeof documents)["\n  query Person($id: ID!) {\n    user(id: $id) {\n      id\n      ...ProfileCard\n    }\n    me {\n      id\n      interestedIn {\n        id\n        ...PersonLine\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query People($search: String!, $first: Int, $after: String) {\n    users(search: $search, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          ...PersonLine\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query People($search: String!, $first: Int, $after: String) {\n    users(search: $search, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          ...PersonLine\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      id\n      email\n      phone\n      ...ProfileCard\n      ...ProfileFormValues\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      id\n      email\n      phone\n      ...ProfileCard\n      ...ProfileFormValues\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddInterest($userId: ID!) {\n    addInterest(userId: $userId) {\n      id\n      interestedIn {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AddInterest($userId: ID!) {\n    addInterest(userId: $userId) {\n      id\n      interestedIn {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveInterest($userId: ID!) {\n    removeInterest(userId: $userId) {\n      id\n      interestedIn {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveInterest($userId: ID!) {\n    removeInterest(userId: $userId) {\n      id\n      interestedIn {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PersonLine on User {\n    id\n    name\n    headline\n    location\n  }\n"): (typeof documents)["\n  fragment PersonLine on User {\n    id\n    name\n    headline\n    location\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProfileCard on User {\n    id\n    name\n    headline\n    location\n    skills\n    links {\n      label\n      url\n    }\n  }\n"): (typeof documents)["\n  fragment ProfileCard on User {\n    id\n    name\n    headline\n    location\n    skills\n    links {\n      label\n      url\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProfileFormValues on User {\n    name\n    email\n    phone\n    showEmail\n    showPhone\n    headline\n    location\n    skills\n    links {\n      label\n      url\n    }\n  }\n"): (typeof documents)["\n  fragment ProfileFormValues on User {\n    name\n    email\n    phone\n    showEmail\n    showPhone\n    headline\n    location\n    skills\n    links {\n      label\n      url\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Search($query: String!, $types: [SearchType!], $after: String) {\n    search(query: $query, types: $types, first: 30, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      facets {\n        type\n        count\n      }\n      edges {\n        cursor\n        node {\n          score\n          highlights {\n            field\n            snippet\n          }\n          item {\n            __typename\n            ... on Application {\n              id\n              company\n              position\n              status\n            }\n            ... on Interview {\n              id\n              startsAt\n              type\n              application {\n                id\n                company\n                position\n              }\n            }\n            ... on Contact {\n              id\n              name\n              contactCompany: company\n              contactPosition: position\n            }\n            ... on User {\n              id\n              name\n              headline\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Search($query: String!, $types: [SearchType!], $after: String) {\n    search(query: $query, types: $types, first: 30, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      facets {\n        type\n        count\n      }\n      edges {\n        cursor\n        node {\n          score\n          highlights {\n            field\n            snippet\n          }\n          item {\n            __typename\n            ... on Application {\n              id\n              company\n              position\n              status\n            }\n            ... on Interview {\n              id\n              startsAt\n              type\n              application {\n                id\n                company\n                position\n              }\n            }\n            ... on Contact {\n              id\n              name\n              contactCompany: company\n              contactPosition: position\n            }\n            ... on User {\n              id\n              name\n              headline\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiTokens {\n    apiTokens {\n      id\n      ...ApiTokenRow\n    }\n  }\n"): (typeof documents)["\n  query ApiTokens {\n    apiTokens {\n      id\n      ...ApiTokenRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      token\n      apiToken {\n        id\n        name\n        ...ApiTokenRow\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      token\n      apiToken {\n        id\n        name\n        ...ApiTokenRow\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id)\n  }\n"): (typeof documents)["\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ApiTokenRow on ApiToken {\n    id\n    name\n    scopes\n    createdAt\n    expiresAt\n    lastUsedAt\n  }\n"): (typeof documents)["\n  fragment ApiTokenRow on ApiToken {\n    id\n    name\n    scopes\n    createdAt\n    expiresAt\n    lastUsedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CacheTestBoard {\n    applications(first: 100) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          status\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CacheTestBoard {\n    applications(first: 100) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          status\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CacheTestMove($id: ID!, $status: ApplicationStatus!, $note: String) {\n    changeApplicationStatus(id: $id, status: $status, note: $note) {\n      id\n      status\n      updatedAt\n    }\n  }\n"): (typeof documents)["\n  mutation CacheTestMove($id: ID!, $status: ApplicationStatus!, $note: String) {\n    changeApplicationStatus(id: $id, status: $status, note: $note) {\n      id\n      status\n      updatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription CacheTestChanged {\n    applicationChanged {\n      id\n      status\n      updatedAt\n    }\n  }\n"): (typeof documents)["\n  subscription CacheTestChanged {\n    applicationChanged {\n      id\n      status\n      updatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CacheTestBulkDelete($ids: [ID!]!) {\n    deleteApplications(ids: $ids) {\n      id\n      outcome\n    }\n  }\n"): (typeof documents)["\n  mutation CacheTestBulkDelete($ids: [ID!]!) {\n    deleteApplications(ids: $ids) {\n      id\n      outcome\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CacheTestBulkMove($ids: [ID!]!, $status: ApplicationStatus!) {\n    changeApplicationsStatus(ids: $ids, status: $status) {\n      id\n      outcome\n      application {\n        id\n        status\n        updatedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CacheTestBulkMove($ids: [ID!]!, $status: ApplicationStatus!) {\n    changeApplicationsStatus(ids: $ids, status: $status) {\n      id\n      outcome\n      application {\n        id\n        status\n        updatedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CacheTestCreate($input: CreateApplicationInput!) {\n    createApplication(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation CacheTestCreate($input: CreateApplicationInput!) {\n    createApplication(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefreshSession($token: String!) {\n    refreshToken(token: $token) {\n      token\n      refreshToken\n      user {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RefreshSession($token: String!) {\n    refreshToken(token: $token) {\n      token\n      refreshToken\n      user {\n        id\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;