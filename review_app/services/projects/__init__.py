"""Projects: named sets of text files a user owns, unpacked from an uploaded zip or tar.gz.

`archives` reads an untrusted archive safely, `ignores` decides which paths are left out,
`unpacking` turns an archive into files (or refuses it), and `store` keeps and reads projects.
"""
