// The data rights feature's operations: export everything about you, follow the export, delete your account.
import { graphql } from "@/gql";

export const MyDataExportsQuery = graphql(`
  query MyDataExports {
    myDataExports {
      id
      ...DataExportRow
    }
  }
`);

export const MyDataExportQuery = graphql(`
  query MyDataExport($id: ID!) {
    myDataExport(id: $id) {
      id
      ...DataExportRow
    }
  }
`);

export const ExportMyDataMutation = graphql(`
  mutation ExportMyData {
    exportMyData {
      id
      ...DataExportRow
    }
  }
`);

export const DeleteMyAccountMutation = graphql(`
  mutation DeleteMyAccount($password: String!) {
    deleteMyAccount(password: $password)
  }
`);
