PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
INSERT INTO grdb_migrations VALUES('001_workspaces');
INSERT INTO grdb_migrations VALUES('002_write_keys');
INSERT INTO grdb_migrations VALUES('003_events');
INSERT INTO grdb_migrations VALUES('004_profiles');
INSERT INTO grdb_migrations VALUES('005_identity_rules');
INSERT INTO grdb_migrations VALUES('006_segment_members_by_profile');
INSERT INTO grdb_migrations VALUES('020_dashboard_users');
INSERT INTO grdb_migrations VALUES('030_import_jobs');
CREATE TABLE workspaces (id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE, created_at INTEGER NOT NULL);
INSERT INTO workspaces VALUES('4a76844f-0bb7-4fa9-933d-545b4985271d','shop',1796343133307);
CREATE TABLE write_keys (workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  key_hash TEXT NOT NULL, label TEXT NOT NULL, created_at INTEGER NOT NULL,
  PRIMARY KEY (workspace_id, key_hash));
INSERT INTO write_keys VALUES('4a76844f-0bb7-4fa9-933d-545b4985271d','1c6b1d10401a0443f5e60534a97c4541179424e78f7cdddf367e7789dcd869cc','default',1796343133308);
INSERT INTO write_keys VALUES('4a76844f-0bb7-4fa9-933d-545b4985271d','46ed6bc28d91dba4fa82857b5eb6d010dc9aad4c0b4060dc77ac6da7b82ddbf0','app',1796343134124);
CREATE TABLE events (seq INTEGER PRIMARY KEY AUTOINCREMENT,
  workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  message_id TEXT NOT NULL, type TEXT NOT NULL, user_id TEXT, anonymous_id TEXT, event TEXT,
  timestamp INTEGER NOT NULL, received_at INTEGER NOT NULL, payload TEXT NOT NULL,
  UNIQUE (workspace_id, message_id));
INSERT INTO events VALUES(1,'4a76844f-0bb7-4fa9-933d-545b4985271d','m-01','page',NULL,'anon-1',NULL,1709287200000,1796343135327,'{"anonymousId":"anon-1","messageId":"m-01","name":"Home","originalTimestamp":"2024-03-01T10:00:00.000Z","receivedAt":"2026-12-04T00:12:15.327Z","timestamp":"2024-03-01T10:00:00.000Z","type":"page"}');
INSERT INTO events VALUES(2,'4a76844f-0bb7-4fa9-933d-545b4985271d','m-02','identify','user-1','anon-1',NULL,1709287500000,1796343135327,'{"anonymousId":"anon-1","messageId":"m-02","originalTimestamp":"2024-03-01T10:05:00.000Z","receivedAt":"2026-12-04T00:12:15.327Z","timestamp":"2024-03-01T10:05:00.000Z","traits":{"email":"ada@example.com","name":"Ada"},"type":"identify","userId":"user-1"}');
INSERT INTO events VALUES(3,'4a76844f-0bb7-4fa9-933d-545b4985271d','m-03','track','user-1',NULL,'Order Completed',1709370000000,1796343135327,'{"event":"Order Completed","messageId":"m-03","originalTimestamp":"2024-03-02T09:00:00.000Z","properties":{"currency":"EUR","order_id":"o-1","revenue":120.5},"receivedAt":"2026-12-04T00:12:15.327Z","timestamp":"2024-03-02T09:00:00.000Z","type":"track","userId":"user-1"}');
INSERT INTO events VALUES(4,'4a76844f-0bb7-4fa9-933d-545b4985271d','m-04','page',NULL,'anon-2',NULL,1709452800000,1796343135327,'{"anonymousId":"anon-2","messageId":"m-04","name":"Pricing","originalTimestamp":"2024-03-03T08:00:00.000Z","receivedAt":"2026-12-04T00:12:15.327Z","timestamp":"2024-03-03T08:00:00.000Z","type":"page"}');
INSERT INTO events VALUES(5,'4a76844f-0bb7-4fa9-933d-545b4985271d','m-05','track','user-1','anon-2','Signed In',1709452860000,1796343135327,'{"anonymousId":"anon-2","event":"Signed In","messageId":"m-05","originalTimestamp":"2024-03-03T08:01:00.000Z","receivedAt":"2026-12-04T00:12:15.327Z","timestamp":"2024-03-03T08:01:00.000Z","type":"track","userId":"user-1"}');
INSERT INTO events VALUES(6,'4a76844f-0bb7-4fa9-933d-545b4985271d','m-06','identify','user-2',NULL,NULL,1709553600000,1796343135327,'{"messageId":"m-06","originalTimestamp":"2024-03-04T12:00:00.000Z","receivedAt":"2026-12-04T00:12:15.327Z","timestamp":"2024-03-04T12:00:00.000Z","traits":{"email":"bo@example.com"},"type":"identify","userId":"user-2"}');
INSERT INTO events VALUES(7,'4a76844f-0bb7-4fa9-933d-545b4985271d','m-07','track','user-2',NULL,'Order Completed',1709640000000,1796343135327,'{"event":"Order Completed","messageId":"m-07","originalTimestamp":"2024-03-05T12:00:00.000Z","properties":{"currency":"EUR","order_id":"o-2","revenue":40},"receivedAt":"2026-12-04T00:12:15.327Z","timestamp":"2024-03-05T12:00:00.000Z","type":"track","userId":"user-2"}');
INSERT INTO events VALUES(8,'4a76844f-0bb7-4fa9-933d-545b4985271d','m-08','track','user-2',NULL,'Order Refunded',1709726400000,1796343135327,'{"event":"Order Refunded","messageId":"m-08","originalTimestamp":"2024-03-06T12:00:00.000Z","properties":{"currency":"EUR","order_id":"o-2","total":40},"receivedAt":"2026-12-04T00:12:15.327Z","timestamp":"2024-03-06T12:00:00.000Z","type":"track","userId":"user-2"}');
CREATE TABLE profiles (workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  profile_id TEXT NOT NULL, email TEXT, name_key TEXT, last_seen INTEGER NOT NULL, document TEXT NOT NULL,
  PRIMARY KEY (workspace_id, profile_id));
INSERT INTO profiles VALUES('4a76844f-0bb7-4fa9-933d-545b4985271d','p-1','ada@example.com','ada',1709452860000,'{"createdSeq":1,"emailClicks":[],"emailOpens":[],"eventCount":5,"firstSeen":1709287200000,"id":"p-1","identifiers":[{"kind":"anonymous_id","value":"anon-1"},{"kind":"anonymous_id","value":"anon-2"},{"kind":"email","value":"ada@example.com"},{"kind":"user_id","value":"user-1"}],"lastSeen":1709452860000,"orders":{"count":1,"firstAt":1709370000000,"lastAt":1709370000000,"refunded":0,"revenue":120.5},"supportTickets":0,"traits":{"email":{"at":1709287500000,"seq":2,"source":"m-02","value":"ada@example.com"},"name":{"at":1709287500000,"seq":2,"source":"m-02","value":"Ada"}}}');
INSERT INTO profiles VALUES('4a76844f-0bb7-4fa9-933d-545b4985271d','p-6','bo@example.com',NULL,1709726400000,'{"createdSeq":6,"emailClicks":[],"emailOpens":[],"eventCount":3,"firstSeen":1709553600000,"id":"p-6","identifiers":[{"kind":"email","value":"bo@example.com"},{"kind":"user_id","value":"user-2"}],"lastSeen":1709726400000,"orders":{"count":1,"firstAt":1709640000000,"lastAt":1709640000000,"refunded":40,"revenue":40},"supportTickets":0,"traits":{"email":{"at":1709553600000,"seq":6,"source":"m-06","value":"bo@example.com"}}}');
CREATE TABLE profile_identifiers (workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  kind TEXT NOT NULL, value TEXT NOT NULL, profile_id TEXT NOT NULL, PRIMARY KEY (workspace_id, kind, value));
INSERT INTO profile_identifiers VALUES('4a76844f-0bb7-4fa9-933d-545b4985271d','anonymous_id','anon-1','p-1');
INSERT INTO profile_identifiers VALUES('4a76844f-0bb7-4fa9-933d-545b4985271d','anonymous_id','anon-2','p-1');
INSERT INTO profile_identifiers VALUES('4a76844f-0bb7-4fa9-933d-545b4985271d','email','ada@example.com','p-1');
INSERT INTO profile_identifiers VALUES('4a76844f-0bb7-4fa9-933d-545b4985271d','user_id','user-1','p-1');
INSERT INTO profile_identifiers VALUES('4a76844f-0bb7-4fa9-933d-545b4985271d','email','bo@example.com','p-6');
INSERT INTO profile_identifiers VALUES('4a76844f-0bb7-4fa9-933d-545b4985271d','user_id','user-2','p-6');
CREATE TABLE identity_merges (workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  merge_no INTEGER NOT NULL, into_profile TEXT NOT NULL, from_profile TEXT NOT NULL, document TEXT NOT NULL,
  PRIMARY KEY (workspace_id, merge_no));
INSERT INTO identity_merges VALUES('4a76844f-0bb7-4fa9-933d-545b4985271d',1,'p-1','p-4','{"at":1709452860000,"eventType":"track","from":"p-4","identifier":{"kind":"anonymous_id","value":"anon-2"},"into":"p-1","merged":true,"messageId":"m-05","seq":5}');
CREATE TABLE profile_checkpoints (workspace_id TEXT NOT NULL PRIMARY KEY REFERENCES workspaces(id) ON DELETE CASCADE,
  last_seq INTEGER NOT NULL, merge_count INTEGER NOT NULL);
INSERT INTO profile_checkpoints VALUES('4a76844f-0bb7-4fa9-933d-545b4985271d',8,1);
CREATE TABLE segments (workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  segment_id TEXT NOT NULL, name TEXT NOT NULL, document TEXT NOT NULL, PRIMARY KEY (workspace_id, segment_id));
INSERT INTO segments VALUES('4a76844f-0bb7-4fa9-933d-545b4985271d','vip-customers','VIP Customers','{"createdAt":1796343137836.6304,"description":"Lifetime value above 1,000.","id":"vip-customers","name":"VIP Customers","rule":{"lifetime_value":{"gt":1000}},"system":true,"updatedAt":1796343137836.6304,"workspaceId":"4a76844f-0bb7-4fa9-933d-545b4985271d"}');
INSERT INTO segments VALUES('4a76844f-0bb7-4fa9-933d-545b4985271d','at-risk','At Risk','{"createdAt":1796343137836.6304,"description":"Active subscribers with no order for 60 days and low email engagement.","id":"at-risk","name":"At Risk","rule":{"days_since_order":{"gt":60},"email_engagement_score":{"lt":20},"subscription_status":"active"},"system":true,"updatedAt":1796343137836.6304,"workspaceId":"4a76844f-0bb7-4fa9-933d-545b4985271d"}');
INSERT INTO segments VALUES('4a76844f-0bb7-4fa9-933d-545b4985271d','prime-for-subscription','Prime for Subscription','{"createdAt":1796343137836.6304,"description":"Three or more orders, AOV above 75, no subscription.","id":"prime-for-subscription","name":"Prime for Subscription","rule":{"avg_order_value":{"gt":75},"not":{"subscription_status":{"in":["active","paused"]}},"order_count":{"gte":3}},"system":true,"updatedAt":1796343137836.6304,"workspaceId":"4a76844f-0bb7-4fa9-933d-545b4985271d"}');
INSERT INTO segments VALUES('4a76844f-0bb7-4fa9-933d-545b4985271d','rfm-champions','RFM: Champions','{"createdAt":1796343137836.6304,"description":"RFM named segment Champions.","id":"rfm-champions","name":"RFM: Champions","rule":{"rfm_segment":"Champions"},"system":true,"updatedAt":1796343137836.6304,"workspaceId":"4a76844f-0bb7-4fa9-933d-545b4985271d"}');
INSERT INTO segments VALUES('4a76844f-0bb7-4fa9-933d-545b4985271d','rfm-loyal','RFM: Loyal','{"createdAt":1796343137836.6304,"description":"RFM named segment Loyal.","id":"rfm-loyal","name":"RFM: Loyal","rule":{"rfm_segment":"Loyal"},"system":true,"updatedAt":1796343137836.6304,"workspaceId":"4a76844f-0bb7-4fa9-933d-545b4985271d"}');
INSERT INTO segments VALUES('4a76844f-0bb7-4fa9-933d-545b4985271d','rfm-potential-loyalist','RFM: Potential Loyalist','{"createdAt":1796343137836.6304,"description":"RFM named segment Potential Loyalist.","id":"rfm-potential-loyalist","name":"RFM: Potential Loyalist","rule":{"rfm_segment":"Potential Loyalist"},"system":true,"updatedAt":1796343137836.6304,"workspaceId":"4a76844f-0bb7-4fa9-933d-545b4985271d"}');
INSERT INTO segments VALUES('4a76844f-0bb7-4fa9-933d-545b4985271d','rfm-new','RFM: New','{"createdAt":1796343137836.6304,"description":"RFM named segment New.","id":"rfm-new","name":"RFM: New","rule":{"rfm_segment":"New"},"system":true,"updatedAt":1796343137836.6304,"workspaceId":"4a76844f-0bb7-4fa9-933d-545b4985271d"}');
INSERT INTO segments VALUES('4a76844f-0bb7-4fa9-933d-545b4985271d','rfm-promising','RFM: Promising','{"createdAt":1796343137836.6304,"description":"RFM named segment Promising.","id":"rfm-promising","name":"RFM: Promising","rule":{"rfm_segment":"Promising"},"system":true,"updatedAt":1796343137836.6304,"workspaceId":"4a76844f-0bb7-4fa9-933d-545b4985271d"}');
INSERT INTO segments VALUES('4a76844f-0bb7-4fa9-933d-545b4985271d','rfm-need-attention','RFM: Need Attention','{"createdAt":1796343137836.6304,"description":"RFM named segment Need Attention.","id":"rfm-need-attention","name":"RFM: Need Attention","rule":{"rfm_segment":"Need Attention"},"system":true,"updatedAt":1796343137836.6304,"workspaceId":"4a76844f-0bb7-4fa9-933d-545b4985271d"}');
INSERT INTO segments VALUES('4a76844f-0bb7-4fa9-933d-545b4985271d','rfm-about-to-sleep','RFM: About to Sleep','{"createdAt":1796343137836.6304,"description":"RFM named segment About to Sleep.","id":"rfm-about-to-sleep","name":"RFM: About to Sleep","rule":{"rfm_segment":"About to Sleep"},"system":true,"updatedAt":1796343137836.6304,"workspaceId":"4a76844f-0bb7-4fa9-933d-545b4985271d"}');
INSERT INTO segments VALUES('4a76844f-0bb7-4fa9-933d-545b4985271d','rfm-at-risk','RFM: At Risk','{"createdAt":1796343137836.6304,"description":"RFM named segment At Risk.","id":"rfm-at-risk","name":"RFM: At Risk","rule":{"rfm_segment":"At Risk"},"system":true,"updatedAt":1796343137836.6304,"workspaceId":"4a76844f-0bb7-4fa9-933d-545b4985271d"}');
INSERT INTO segments VALUES('4a76844f-0bb7-4fa9-933d-545b4985271d','rfm-cant-lose-them','RFM: Can''t Lose Them','{"createdAt":1796343137836.6304,"description":"RFM named segment Can''t Lose Them.","id":"rfm-cant-lose-them","name":"RFM: Can''t Lose Them","rule":{"rfm_segment":"Can''t Lose Them"},"system":true,"updatedAt":1796343137836.6304,"workspaceId":"4a76844f-0bb7-4fa9-933d-545b4985271d"}');
INSERT INTO segments VALUES('4a76844f-0bb7-4fa9-933d-545b4985271d','rfm-hibernating','RFM: Hibernating','{"createdAt":1796343137836.6304,"description":"RFM named segment Hibernating.","id":"rfm-hibernating","name":"RFM: Hibernating","rule":{"rfm_segment":"Hibernating"},"system":true,"updatedAt":1796343137836.6304,"workspaceId":"4a76844f-0bb7-4fa9-933d-545b4985271d"}');
INSERT INTO segments VALUES('4a76844f-0bb7-4fa9-933d-545b4985271d','rfm-lost','RFM: Lost','{"createdAt":1796343137836.6304,"description":"RFM named segment Lost.","id":"rfm-lost","name":"RFM: Lost","rule":{"rfm_segment":"Lost"},"system":true,"updatedAt":1796343137836.6304,"workspaceId":"4a76844f-0bb7-4fa9-933d-545b4985271d"}');
INSERT INTO segments VALUES('4a76844f-0bb7-4fa9-933d-545b4985271d','buyers','Buyers','{"createdAt":1796343138172.546,"description":"","id":"buyers","name":"Buyers","rule":{"order_count":{"gte":1}},"system":false,"updatedAt":1796343138172.546,"workspaceId":"4a76844f-0bb7-4fa9-933d-545b4985271d"}');
CREATE TABLE segment_members (workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  segment_id TEXT NOT NULL, profile_id TEXT NOT NULL, entered_at INTEGER NOT NULL,
  PRIMARY KEY (workspace_id, segment_id, profile_id));
INSERT INTO segment_members VALUES('4a76844f-0bb7-4fa9-933d-545b4985271d','buyers','p-1',1796343138173);
INSERT INTO segment_members VALUES('4a76844f-0bb7-4fa9-933d-545b4985271d','buyers','p-6',1796343138173);
CREATE TABLE segment_changes (change_no INTEGER PRIMARY KEY AUTOINCREMENT,
  workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  segment_id TEXT NOT NULL, profile_id TEXT NOT NULL, kind TEXT NOT NULL, at INTEGER NOT NULL);
INSERT INTO segment_changes VALUES(1,'4a76844f-0bb7-4fa9-933d-545b4985271d','rfm-at-risk','p-1','entered',1796343137873);
INSERT INTO segment_changes VALUES(2,'4a76844f-0bb7-4fa9-933d-545b4985271d','rfm-potential-loyalist','p-6','entered',1796343137873);
INSERT INTO segment_changes VALUES(3,'4a76844f-0bb7-4fa9-933d-545b4985271d','buyers','p-1','entered',1796343138173);
INSERT INTO segment_changes VALUES(4,'4a76844f-0bb7-4fa9-933d-545b4985271d','buyers','p-6','entered',1796343138173);
INSERT INTO segment_changes VALUES(5,'4a76844f-0bb7-4fa9-933d-545b4985271d','rfm-at-risk','p-1','exited',1796343139191);
INSERT INTO segment_changes VALUES(6,'4a76844f-0bb7-4fa9-933d-545b4985271d','rfm-potential-loyalist','p-6','exited',1796343139191);
CREATE TABLE segment_sizes (workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  segment_id TEXT NOT NULL, at INTEGER NOT NULL, size INTEGER NOT NULL, PRIMARY KEY (workspace_id, segment_id, at));
INSERT INTO segment_sizes VALUES('4a76844f-0bb7-4fa9-933d-545b4985271d','at-risk',1796343137878,0);
INSERT INTO segment_sizes VALUES('4a76844f-0bb7-4fa9-933d-545b4985271d','rfm-at-risk',1796343137878,1);
INSERT INTO segment_sizes VALUES('4a76844f-0bb7-4fa9-933d-545b4985271d','rfm-new',1796343137878,0);
INSERT INTO segment_sizes VALUES('4a76844f-0bb7-4fa9-933d-545b4985271d','prime-for-subscription',1796343137878,0);
INSERT INTO segment_sizes VALUES('4a76844f-0bb7-4fa9-933d-545b4985271d','rfm-about-to-sleep',1796343137878,0);
INSERT INTO segment_sizes VALUES('4a76844f-0bb7-4fa9-933d-545b4985271d','rfm-champions',1796343137878,0);
INSERT INTO segment_sizes VALUES('4a76844f-0bb7-4fa9-933d-545b4985271d','vip-customers',1796343137878,0);
INSERT INTO segment_sizes VALUES('4a76844f-0bb7-4fa9-933d-545b4985271d','rfm-hibernating',1796343137878,0);
INSERT INTO segment_sizes VALUES('4a76844f-0bb7-4fa9-933d-545b4985271d','rfm-lost',1796343137878,0);
INSERT INTO segment_sizes VALUES('4a76844f-0bb7-4fa9-933d-545b4985271d','rfm-promising',1796343137878,0);
INSERT INTO segment_sizes VALUES('4a76844f-0bb7-4fa9-933d-545b4985271d','rfm-cant-lose-them',1796343137878,0);
INSERT INTO segment_sizes VALUES('4a76844f-0bb7-4fa9-933d-545b4985271d','rfm-loyal',1796343137878,0);
INSERT INTO segment_sizes VALUES('4a76844f-0bb7-4fa9-933d-545b4985271d','rfm-potential-loyalist',1796343137878,1);
INSERT INTO segment_sizes VALUES('4a76844f-0bb7-4fa9-933d-545b4985271d','rfm-need-attention',1796343137878,0);
INSERT INTO segment_sizes VALUES('4a76844f-0bb7-4fa9-933d-545b4985271d','vip-customers',1796343140518,0);
INSERT INTO segment_sizes VALUES('4a76844f-0bb7-4fa9-933d-545b4985271d','rfm-new',1796343140518,0);
INSERT INTO segment_sizes VALUES('4a76844f-0bb7-4fa9-933d-545b4985271d','rfm-champions',1796343140518,0);
INSERT INTO segment_sizes VALUES('4a76844f-0bb7-4fa9-933d-545b4985271d','buyers',1796343140518,2);
INSERT INTO segment_sizes VALUES('4a76844f-0bb7-4fa9-933d-545b4985271d','rfm-potential-loyalist',1796343140518,0);
INSERT INTO segment_sizes VALUES('4a76844f-0bb7-4fa9-933d-545b4985271d','rfm-hibernating',1796343140518,0);
INSERT INTO segment_sizes VALUES('4a76844f-0bb7-4fa9-933d-545b4985271d','rfm-cant-lose-them',1796343140518,0);
INSERT INTO segment_sizes VALUES('4a76844f-0bb7-4fa9-933d-545b4985271d','rfm-lost',1796343140518,0);
INSERT INTO segment_sizes VALUES('4a76844f-0bb7-4fa9-933d-545b4985271d','rfm-loyal',1796343140518,0);
INSERT INTO segment_sizes VALUES('4a76844f-0bb7-4fa9-933d-545b4985271d','prime-for-subscription',1796343140518,0);
INSERT INTO segment_sizes VALUES('4a76844f-0bb7-4fa9-933d-545b4985271d','rfm-about-to-sleep',1796343140518,0);
INSERT INTO segment_sizes VALUES('4a76844f-0bb7-4fa9-933d-545b4985271d','rfm-promising',1796343140518,0);
INSERT INTO segment_sizes VALUES('4a76844f-0bb7-4fa9-933d-545b4985271d','rfm-need-attention',1796343140518,0);
INSERT INTO segment_sizes VALUES('4a76844f-0bb7-4fa9-933d-545b4985271d','at-risk',1796343140518,0);
INSERT INTO segment_sizes VALUES('4a76844f-0bb7-4fa9-933d-545b4985271d','rfm-at-risk',1796343140518,0);
CREATE TABLE api_tokens (workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  token_hash TEXT NOT NULL, label TEXT NOT NULL, created_at INTEGER NOT NULL, PRIMARY KEY (workspace_id, token_hash));
INSERT INTO api_tokens VALUES('4a76844f-0bb7-4fa9-933d-545b4985271d','a110ee2798bf3bde17bb8b6908293914e654413b47776d1b743581f64b7e0465','fixture',1796343136330);
CREATE TABLE identity_rules (workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  after_seq INTEGER NOT NULL, document TEXT NOT NULL, updated_at INTEGER NOT NULL, PRIMARY KEY (workspace_id, after_seq));
INSERT INTO identity_rules VALUES('4a76844f-0bb7-4fa9-933d-545b4985271d',0,'{"blockedValues":[],"defaultCallingCode":null,"limits":{"user_id":2},"maxIdentifiers":100,"mergeOn":null}',1796343138158);
CREATE TABLE dashboard_users (id TEXT PRIMARY KEY, email TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
  role TEXT NOT NULL, password_hash TEXT NOT NULL, created_at INTEGER NOT NULL);
INSERT INTO dashboard_users VALUES('17205da2-2e95-40c2-9fcb-9a3006434db2','admin@example.com','Admin','admin','pbkdf2-sha256$600000$PgpoBFOSWC3XOyJBvHKEYw==$OGG7DUByC6jggw3EILHB8gC+tG+JWz2lFl2DK5hRdPI=',1796343142891);
INSERT INTO dashboard_users VALUES('9ef7d3c5-7534-4c5e-bc7f-65033ccb3781','member@example.com','Member','member','pbkdf2-sha256$600000$O5Zgbb12jm7D+GbokVu3Dw==$8WukCo2lgXnMN7V04Gspxfr4Ak9wya1eGLUHGzJfLRM=',1796343145260);
CREATE TABLE dashboard_grants (user_id TEXT NOT NULL REFERENCES dashboard_users(id) ON DELETE CASCADE,
  workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE, PRIMARY KEY (user_id, workspace_id));
INSERT INTO dashboard_grants VALUES('9ef7d3c5-7534-4c5e-bc7f-65033ccb3781','4a76844f-0bb7-4fa9-933d-545b4985271d');
CREATE TABLE dashboard_sessions (token_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES dashboard_users(id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL);
INSERT INTO dashboard_sessions VALUES('fixture-session-hash','17205da2-2e95-40c2-9fcb-9a3006434db2',1709290000000,4102444800000);
CREATE TABLE import_jobs (workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  job_id TEXT NOT NULL, kind TEXT NOT NULL, file_name TEXT NOT NULL, started_at INTEGER NOT NULL,
  rows_read INTEGER NOT NULL, rows_skipped INTEGER NOT NULL, events_stored INTEGER NOT NULL,
  progress_done INTEGER NOT NULL, progress_total INTEGER NOT NULL, state TEXT NOT NULL,
  finished_at INTEGER, error TEXT, PRIMARY KEY (workspace_id, job_id));
INSERT INTO import_jobs VALUES('4a76844f-0bb7-4fa9-933d-545b4985271d','b2650759-f4cc-4701-9743-687a36acf367','events','events.jsonl',1796343135327,8,0,8,9,9,'finished',1796343135329,NULL);
DELETE FROM sqlite_sequence;
INSERT INTO sqlite_sequence VALUES('events',8);
INSERT INTO sqlite_sequence VALUES('segment_changes',6);
CREATE UNIQUE INDEX write_keys_by_hash ON write_keys (key_hash);
CREATE INDEX events_by_time ON events (workspace_id, timestamp);
CREATE INDEX events_by_user ON events (workspace_id, user_id);
CREATE INDEX events_by_anonymous ON events (workspace_id, anonymous_id);
CREATE INDEX profiles_by_email ON profiles (workspace_id, email);
CREATE INDEX profiles_by_name ON profiles (workspace_id, name_key);
CREATE INDEX profile_identifiers_by_value ON profile_identifiers (workspace_id, value);
CREATE INDEX profile_identifiers_by_profile ON profile_identifiers (workspace_id, profile_id);
CREATE INDEX identity_merges_into ON identity_merges (workspace_id, into_profile);
CREATE INDEX identity_merges_from ON identity_merges (workspace_id, from_profile);
CREATE INDEX segment_changes_by_segment ON segment_changes (workspace_id, segment_id, change_no);
CREATE UNIQUE INDEX api_tokens_by_hash ON api_tokens (token_hash);
CREATE INDEX segment_members_by_profile ON segment_members (workspace_id, profile_id);
CREATE INDEX dashboard_sessions_by_user ON dashboard_sessions (user_id);
CREATE INDEX import_jobs_by_start ON import_jobs (workspace_id, started_at);
COMMIT;
