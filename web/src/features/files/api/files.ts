// Files: uploads in the request itself (GraphQL multipart through the router), the resume, documents, matches.
import { graphql } from "@/gql";

export const FileRowFragment = graphql(`
  fragment FileRow on File {
    id
    name
    contentType
    size
    kind
    createdAt
    downloadUrl
  }
`);

export const UploadFileMutation = graphql(`
  mutation UploadFile($file: Upload!, $kind: FileKind!, $applicationId: ID) {
    uploadFile(file: $file, kind: $kind, applicationId: $applicationId) {
      id
      ...FileRow
    }
  }
`);

export const SetResumeMutation = graphql(`
  mutation SetResume($fileId: ID) {
    setResume(fileId: $fileId) {
      id
    }
  }
`);

export const DeleteFileMutation = graphql(`
  mutation DeleteFile($id: ID!) {
    deleteFile(id: $id)
  }
`);

export const MyFilesQuery = graphql(`
  query MyFiles {
    me {
      id
      resume {
        id
        ...FileRow
      }
      files(first: 50) {
        totalCount
        edges {
          node {
            id
            ...FileRow
          }
        }
      }
    }
  }
`);

export const ApplicationFilesQuery = graphql(`
  query ApplicationFiles($id: ID!) {
    application(id: $id) {
      id
      description
      documents {
        id
        ...FileRow
      }
      resumeMatch {
        score
        matchedKeywords
        missingKeywords
        suggestions
      }
    }
  }
`);

/** The router takes multipart requests only with the preflight header (a cross-site form cannot send it: no
 * CSRF); urql's default Accept also offers event streams, which the router answers with its streaming transports
 * (they take no files), so an upload asks for one JSON answer. */
export const UPLOAD_CONTEXT = {
  fetchOptions: { headers: { "apollo-require-preflight": "true", accept: "application/graphql-response+json, application/json" } },
};

export const CreateUploadMutation = graphql(`
  mutation CreateUpload($input: CreateUploadInput!) {
    createUpload(input: $input) {
      file {
        id
      }
      url
      method
      headers {
        name
        value
      }
      expiresAt
    }
  }
`);

export const CompleteUploadMutation = graphql(`
  mutation CompleteUpload($id: ID!) {
    completeUpload(id: $id) {
      id
      ...FileRow
    }
  }
`);
