// Export the table's applications to a file, and import applications from one (a preview, then the commit).
import { graphql } from "@/gql";

export const ExportApplicationsMutation = graphql(`
  mutation ExportApplications($format: ApplicationFileFormat!, $filter: ApplicationFilter) {
    exportApplications(format: $format, filter: $filter) {
      url
      filename
      contentType
      rowCount
      expiresAt
    }
  }
`);

export const ImportApplicationsMutation = graphql(`
  mutation ImportApplications($file: Upload!, $commit: Boolean!) {
    importApplications(file: $file, commit: $commit) {
      committed
      createdCount
      refusedCount
      ignoredColumns
      columns {
        column
        field
      }
      rows {
        row
        outcome
        company
        position
        applicationId
        errors {
          field
          message
        }
      }
    }
  }
`);
