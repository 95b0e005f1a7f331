extension Migrations {
    /// A merged-away profile's memberships are deleted by profile id on every merge; without this index that delete
    /// read every membership of the workspace.
    static let m006SegmentMembersByProfile = Migration(
        id: "006_segment_members_by_profile",
        sql: ["CREATE INDEX segment_members_by_profile ON segment_members (workspace_id, profile_id)"]
    )
}
