"""The files subgraph: resumes and documents, their blobs, uploads and the resume-to-job match."""
