"""Teams: shared workspaces with roles, invitations by link, and who may do what in them."""
