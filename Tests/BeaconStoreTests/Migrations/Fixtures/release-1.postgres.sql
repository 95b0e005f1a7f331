--
-- PostgreSQL database dump
--


-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: api_tokens; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.api_tokens (
    workspace_id text NOT NULL,
    token_hash text NOT NULL,
    label text NOT NULL,
    created_at bigint NOT NULL
);


--
-- Name: beacon_migrations; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.beacon_migrations (
    id text NOT NULL,
    applied_at bigint NOT NULL
);


--
-- Name: dashboard_grants; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.dashboard_grants (
    user_id text NOT NULL,
    workspace_id text NOT NULL
);


--
-- Name: dashboard_sessions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.dashboard_sessions (
    token_hash text NOT NULL,
    user_id text NOT NULL,
    created_at bigint NOT NULL,
    expires_at bigint NOT NULL
);


--
-- Name: dashboard_users; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.dashboard_users (
    id text NOT NULL,
    email text NOT NULL,
    name text NOT NULL,
    role text NOT NULL,
    password_hash text NOT NULL,
    created_at bigint NOT NULL
);


--
-- Name: events; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.events (
    seq bigint NOT NULL,
    workspace_id text NOT NULL,
    message_id text NOT NULL,
    type text NOT NULL,
    user_id text,
    anonymous_id text,
    event text,
    "timestamp" bigint NOT NULL,
    received_at bigint NOT NULL,
    payload jsonb NOT NULL
);


--
-- Name: events_seq_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.events_seq_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: events_seq_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.events_seq_seq OWNED BY public.events.seq;


--
-- Name: identity_merges; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.identity_merges (
    workspace_id text NOT NULL,
    merge_no bigint NOT NULL,
    into_profile text NOT NULL,
    from_profile text NOT NULL,
    document text NOT NULL
);


--
-- Name: identity_rules; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.identity_rules (
    workspace_id text NOT NULL,
    after_seq bigint NOT NULL,
    document text NOT NULL,
    updated_at bigint NOT NULL
);


--
-- Name: import_jobs; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.import_jobs (
    workspace_id text NOT NULL,
    job_id text NOT NULL,
    kind text NOT NULL,
    file_name text NOT NULL,
    started_at bigint NOT NULL,
    rows_read bigint NOT NULL,
    rows_skipped bigint NOT NULL,
    events_stored bigint NOT NULL,
    progress_done bigint NOT NULL,
    progress_total bigint NOT NULL,
    state text NOT NULL,
    finished_at bigint,
    error text
);


--
-- Name: profile_checkpoints; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.profile_checkpoints (
    workspace_id text NOT NULL,
    last_seq bigint NOT NULL,
    merge_count bigint NOT NULL
);


--
-- Name: profile_identifiers; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.profile_identifiers (
    workspace_id text NOT NULL,
    kind text NOT NULL,
    value text NOT NULL COLLATE pg_catalog."C",
    profile_id text NOT NULL
);


--
-- Name: profiles; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.profiles (
    workspace_id text NOT NULL,
    profile_id text NOT NULL,
    email text COLLATE pg_catalog."C",
    name_key text COLLATE pg_catalog."C",
    last_seen bigint NOT NULL,
    document text NOT NULL
);


--
-- Name: segment_changes; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.segment_changes (
    change_no bigint NOT NULL,
    workspace_id text NOT NULL,
    segment_id text NOT NULL,
    profile_id text NOT NULL,
    kind text NOT NULL,
    at bigint NOT NULL
);


--
-- Name: segment_changes_change_no_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.segment_changes_change_no_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: segment_changes_change_no_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.segment_changes_change_no_seq OWNED BY public.segment_changes.change_no;


--
-- Name: segment_members; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.segment_members (
    workspace_id text NOT NULL,
    segment_id text NOT NULL,
    profile_id text NOT NULL,
    entered_at bigint NOT NULL
);


--
-- Name: segment_sizes; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.segment_sizes (
    workspace_id text NOT NULL,
    segment_id text NOT NULL,
    at bigint NOT NULL,
    size bigint NOT NULL
);


--
-- Name: segments; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.segments (
    workspace_id text NOT NULL,
    segment_id text NOT NULL,
    name text NOT NULL,
    document text NOT NULL
);


--
-- Name: workspaces; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.workspaces (
    id text NOT NULL,
    name text NOT NULL,
    created_at bigint NOT NULL
);


--
-- Name: write_keys; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.write_keys (
    workspace_id text NOT NULL,
    key_hash text NOT NULL,
    label text NOT NULL,
    created_at bigint NOT NULL
);


--
-- Name: events seq; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.events ALTER COLUMN seq SET DEFAULT nextval('public.events_seq_seq'::regclass);


--
-- Name: segment_changes change_no; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.segment_changes ALTER COLUMN change_no SET DEFAULT nextval('public.segment_changes_change_no_seq'::regclass);


--
-- Data for Name: api_tokens; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.api_tokens VALUES ('c5143349-596b-43be-817c-3019b950769e', 'cb4cde1bc7fa2d55a076417e5cca9f5a474e54a2e1449df3ca1c65401df48c05', 'fixture', 1796343150167);


--
-- Data for Name: beacon_migrations; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.beacon_migrations VALUES ('001_workspaces', 1796343145719);
INSERT INTO public.beacon_migrations VALUES ('002_write_keys', 1796343145735);
INSERT INTO public.beacon_migrations VALUES ('003_events', 1796343145768);
INSERT INTO public.beacon_migrations VALUES ('004_profiles', 1796343145903);
INSERT INTO public.beacon_migrations VALUES ('005_identity_rules', 1796343145915);
INSERT INTO public.beacon_migrations VALUES ('006_segment_members_by_profile', 1796343145920);
INSERT INTO public.beacon_migrations VALUES ('020_dashboard_users', 1796343145932);
INSERT INTO public.beacon_migrations VALUES ('030_import_jobs', 1796343145955);


--
-- Data for Name: dashboard_grants; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.dashboard_grants VALUES ('d7dda918-02a0-4b70-a8e3-b7e9deae7247', 'c5143349-596b-43be-817c-3019b950769e');


--
-- Data for Name: dashboard_sessions; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.dashboard_sessions VALUES ('fixture-session-hash', 'd5b16670-e81a-4bb8-ba62-4e121b3d6cc1', 1709290000000, 4102444800000);


--
-- Data for Name: dashboard_users; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.dashboard_users VALUES ('d5b16670-e81a-4bb8-ba62-4e121b3d6cc1', 'admin@example.com', 'Admin', 'admin', 'pbkdf2-sha256$600000$TVdsLMgkH/K9ed3k3INq9g==$PbHfNxQfnYad9teDEGz4ZZ/rs8IucdZRLI9LVacUOOs=', 1796343157889);
INSERT INTO public.dashboard_users VALUES ('d7dda918-02a0-4b70-a8e3-b7e9deae7247', 'member@example.com', 'Member', 'member', 'pbkdf2-sha256$600000$fmeJkVlW87ahYnFRYYCXwg==$FDLG1Bbdi72cSTLvA00RE9+64zfx3ndFt8QZGsy4d0Q=', 1796343160992);


--
-- Data for Name: events; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.events VALUES (1, 'c5143349-596b-43be-817c-3019b950769e', 'm-01', 'page', NULL, 'anon-1', NULL, 1709287200000, 1796343148570, '{"name": "Home", "type": "page", "messageId": "m-01", "timestamp": "2024-03-01T10:00:00.000Z", "receivedAt": "2026-12-04T00:12:28.570Z", "anonymousId": "anon-1", "originalTimestamp": "2024-03-01T10:00:00.000Z"}');
INSERT INTO public.events VALUES (2, 'c5143349-596b-43be-817c-3019b950769e', 'm-02', 'identify', 'user-1', 'anon-1', NULL, 1709287500000, 1796343148570, '{"type": "identify", "traits": {"name": "Ada", "email": "ada@example.com"}, "userId": "user-1", "messageId": "m-02", "timestamp": "2024-03-01T10:05:00.000Z", "receivedAt": "2026-12-04T00:12:28.570Z", "anonymousId": "anon-1", "originalTimestamp": "2024-03-01T10:05:00.000Z"}');
INSERT INTO public.events VALUES (3, 'c5143349-596b-43be-817c-3019b950769e', 'm-03', 'track', 'user-1', NULL, 'Order Completed', 1709370000000, 1796343148570, '{"type": "track", "event": "Order Completed", "userId": "user-1", "messageId": "m-03", "timestamp": "2024-03-02T09:00:00.000Z", "properties": {"revenue": 120.5, "currency": "EUR", "order_id": "o-1"}, "receivedAt": "2026-12-04T00:12:28.570Z", "originalTimestamp": "2024-03-02T09:00:00.000Z"}');
INSERT INTO public.events VALUES (4, 'c5143349-596b-43be-817c-3019b950769e', 'm-04', 'page', NULL, 'anon-2', NULL, 1709452800000, 1796343148570, '{"name": "Pricing", "type": "page", "messageId": "m-04", "timestamp": "2024-03-03T08:00:00.000Z", "receivedAt": "2026-12-04T00:12:28.570Z", "anonymousId": "anon-2", "originalTimestamp": "2024-03-03T08:00:00.000Z"}');
INSERT INTO public.events VALUES (5, 'c5143349-596b-43be-817c-3019b950769e', 'm-05', 'track', 'user-1', 'anon-2', 'Signed In', 1709452860000, 1796343148570, '{"type": "track", "event": "Signed In", "userId": "user-1", "messageId": "m-05", "timestamp": "2024-03-03T08:01:00.000Z", "receivedAt": "2026-12-04T00:12:28.570Z", "anonymousId": "anon-2", "originalTimestamp": "2024-03-03T08:01:00.000Z"}');
INSERT INTO public.events VALUES (6, 'c5143349-596b-43be-817c-3019b950769e', 'm-06', 'identify', 'user-2', NULL, NULL, 1709553600000, 1796343148570, '{"type": "identify", "traits": {"email": "bo@example.com"}, "userId": "user-2", "messageId": "m-06", "timestamp": "2024-03-04T12:00:00.000Z", "receivedAt": "2026-12-04T00:12:28.570Z", "originalTimestamp": "2024-03-04T12:00:00.000Z"}');
INSERT INTO public.events VALUES (7, 'c5143349-596b-43be-817c-3019b950769e', 'm-07', 'track', 'user-2', NULL, 'Order Completed', 1709640000000, 1796343148570, '{"type": "track", "event": "Order Completed", "userId": "user-2", "messageId": "m-07", "timestamp": "2024-03-05T12:00:00.000Z", "properties": {"revenue": 40, "currency": "EUR", "order_id": "o-2"}, "receivedAt": "2026-12-04T00:12:28.570Z", "originalTimestamp": "2024-03-05T12:00:00.000Z"}');
INSERT INTO public.events VALUES (8, 'c5143349-596b-43be-817c-3019b950769e', 'm-08', 'track', 'user-2', NULL, 'Order Refunded', 1709726400000, 1796343148570, '{"type": "track", "event": "Order Refunded", "userId": "user-2", "messageId": "m-08", "timestamp": "2024-03-06T12:00:00.000Z", "properties": {"total": 40, "currency": "EUR", "order_id": "o-2"}, "receivedAt": "2026-12-04T00:12:28.570Z", "originalTimestamp": "2024-03-06T12:00:00.000Z"}');


--
-- Data for Name: identity_merges; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.identity_merges VALUES ('c5143349-596b-43be-817c-3019b950769e', 1, 'p-1', 'p-4', '{"at":1709452860000,"eventType":"track","from":"p-4","identifier":{"kind":"anonymous_id","value":"anon-2"},"into":"p-1","merged":true,"messageId":"m-05","seq":5}');


--
-- Data for Name: identity_rules; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.identity_rules VALUES ('c5143349-596b-43be-817c-3019b950769e', 0, '{"blockedValues":[],"defaultCallingCode":null,"limits":{"user_id":2},"maxIdentifiers":100,"mergeOn":null}', 1796343151835);


--
-- Data for Name: import_jobs; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.import_jobs VALUES ('c5143349-596b-43be-817c-3019b950769e', 'bb8f3145-fcc5-426a-81bc-d71bd141d9eb', 'events', 'events.jsonl', 1796343148563, 8, 0, 8, 9, 9, 'finished', 1796343148606, NULL);


--
-- Data for Name: profile_checkpoints; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.profile_checkpoints VALUES ('c5143349-596b-43be-817c-3019b950769e', 8, 1);


--
-- Data for Name: profile_identifiers; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.profile_identifiers VALUES ('c5143349-596b-43be-817c-3019b950769e', 'anonymous_id', 'anon-1', 'p-1');
INSERT INTO public.profile_identifiers VALUES ('c5143349-596b-43be-817c-3019b950769e', 'anonymous_id', 'anon-2', 'p-1');
INSERT INTO public.profile_identifiers VALUES ('c5143349-596b-43be-817c-3019b950769e', 'email', 'ada@example.com', 'p-1');
INSERT INTO public.profile_identifiers VALUES ('c5143349-596b-43be-817c-3019b950769e', 'user_id', 'user-1', 'p-1');
INSERT INTO public.profile_identifiers VALUES ('c5143349-596b-43be-817c-3019b950769e', 'email', 'bo@example.com', 'p-6');
INSERT INTO public.profile_identifiers VALUES ('c5143349-596b-43be-817c-3019b950769e', 'user_id', 'user-2', 'p-6');


--
-- Data for Name: profiles; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.profiles VALUES ('c5143349-596b-43be-817c-3019b950769e', 'p-1', 'ada@example.com', 'ada', 1709452860000, '{"createdSeq":1,"emailClicks":[],"emailOpens":[],"eventCount":5,"firstSeen":1709287200000,"id":"p-1","identifiers":[{"kind":"anonymous_id","value":"anon-1"},{"kind":"anonymous_id","value":"anon-2"},{"kind":"email","value":"ada@example.com"},{"kind":"user_id","value":"user-1"}],"lastSeen":1709452860000,"orders":{"count":1,"firstAt":1709370000000,"lastAt":1709370000000,"refunded":0,"revenue":120.5},"supportTickets":0,"traits":{"email":{"at":1709287500000,"seq":2,"source":"m-02","value":"ada@example.com"},"name":{"at":1709287500000,"seq":2,"source":"m-02","value":"Ada"}}}');
INSERT INTO public.profiles VALUES ('c5143349-596b-43be-817c-3019b950769e', 'p-6', 'bo@example.com', NULL, 1709726400000, '{"createdSeq":6,"emailClicks":[],"emailOpens":[],"eventCount":3,"firstSeen":1709553600000,"id":"p-6","identifiers":[{"kind":"email","value":"bo@example.com"},{"kind":"user_id","value":"user-2"}],"lastSeen":1709726400000,"orders":{"count":1,"firstAt":1709640000000,"lastAt":1709640000000,"refunded":40,"revenue":40},"supportTickets":0,"traits":{"email":{"at":1709553600000,"seq":6,"source":"m-06","value":"bo@example.com"}}}');


--
-- Data for Name: segment_changes; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.segment_changes VALUES (1, 'c5143349-596b-43be-817c-3019b950769e', 'rfm-at-risk', 'p-1', 'entered', 1796343151621);
INSERT INTO public.segment_changes VALUES (2, 'c5143349-596b-43be-817c-3019b950769e', 'rfm-potential-loyalist', 'p-6', 'entered', 1796343151621);
INSERT INTO public.segment_changes VALUES (3, 'c5143349-596b-43be-817c-3019b950769e', 'buyers', 'p-1', 'entered', 1796343151883);
INSERT INTO public.segment_changes VALUES (4, 'c5143349-596b-43be-817c-3019b950769e', 'buyers', 'p-6', 'entered', 1796343151883);
INSERT INTO public.segment_changes VALUES (5, 'c5143349-596b-43be-817c-3019b950769e', 'rfm-at-risk', 'p-1', 'exited', 1796343152864);
INSERT INTO public.segment_changes VALUES (6, 'c5143349-596b-43be-817c-3019b950769e', 'rfm-potential-loyalist', 'p-6', 'exited', 1796343152864);


--
-- Data for Name: segment_members; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.segment_members VALUES ('c5143349-596b-43be-817c-3019b950769e', 'buyers', 'p-1', 1796343151883);
INSERT INTO public.segment_members VALUES ('c5143349-596b-43be-817c-3019b950769e', 'buyers', 'p-6', 1796343151883);


--
-- Data for Name: segment_sizes; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.segment_sizes VALUES ('c5143349-596b-43be-817c-3019b950769e', 'prime-for-subscription', 1796343151681, 0);
INSERT INTO public.segment_sizes VALUES ('c5143349-596b-43be-817c-3019b950769e', 'rfm-champions', 1796343151681, 0);
INSERT INTO public.segment_sizes VALUES ('c5143349-596b-43be-817c-3019b950769e', 'rfm-cant-lose-them', 1796343151681, 0);
INSERT INTO public.segment_sizes VALUES ('c5143349-596b-43be-817c-3019b950769e', 'rfm-promising', 1796343151681, 0);
INSERT INTO public.segment_sizes VALUES ('c5143349-596b-43be-817c-3019b950769e', 'at-risk', 1796343151681, 0);
INSERT INTO public.segment_sizes VALUES ('c5143349-596b-43be-817c-3019b950769e', 'rfm-lost', 1796343151681, 0);
INSERT INTO public.segment_sizes VALUES ('c5143349-596b-43be-817c-3019b950769e', 'rfm-loyal', 1796343151681, 0);
INSERT INTO public.segment_sizes VALUES ('c5143349-596b-43be-817c-3019b950769e', 'vip-customers', 1796343151681, 0);
INSERT INTO public.segment_sizes VALUES ('c5143349-596b-43be-817c-3019b950769e', 'rfm-new', 1796343151681, 0);
INSERT INTO public.segment_sizes VALUES ('c5143349-596b-43be-817c-3019b950769e', 'rfm-hibernating', 1796343151681, 0);
INSERT INTO public.segment_sizes VALUES ('c5143349-596b-43be-817c-3019b950769e', 'rfm-need-attention', 1796343151681, 0);
INSERT INTO public.segment_sizes VALUES ('c5143349-596b-43be-817c-3019b950769e', 'rfm-at-risk', 1796343151681, 1);
INSERT INTO public.segment_sizes VALUES ('c5143349-596b-43be-817c-3019b950769e', 'rfm-about-to-sleep', 1796343151681, 0);
INSERT INTO public.segment_sizes VALUES ('c5143349-596b-43be-817c-3019b950769e', 'rfm-potential-loyalist', 1796343151681, 1);
INSERT INTO public.segment_sizes VALUES ('c5143349-596b-43be-817c-3019b950769e', 'rfm-champions', 1796343154468, 0);
INSERT INTO public.segment_sizes VALUES ('c5143349-596b-43be-817c-3019b950769e', 'rfm-lost', 1796343154468, 0);
INSERT INTO public.segment_sizes VALUES ('c5143349-596b-43be-817c-3019b950769e', 'rfm-promising', 1796343154468, 0);
INSERT INTO public.segment_sizes VALUES ('c5143349-596b-43be-817c-3019b950769e', 'rfm-loyal', 1796343154468, 0);
INSERT INTO public.segment_sizes VALUES ('c5143349-596b-43be-817c-3019b950769e', 'rfm-potential-loyalist', 1796343154468, 0);
INSERT INTO public.segment_sizes VALUES ('c5143349-596b-43be-817c-3019b950769e', 'prime-for-subscription', 1796343154468, 0);
INSERT INTO public.segment_sizes VALUES ('c5143349-596b-43be-817c-3019b950769e', 'rfm-new', 1796343154468, 0);
INSERT INTO public.segment_sizes VALUES ('c5143349-596b-43be-817c-3019b950769e', 'rfm-need-attention', 1796343154468, 0);
INSERT INTO public.segment_sizes VALUES ('c5143349-596b-43be-817c-3019b950769e', 'vip-customers', 1796343154468, 0);
INSERT INTO public.segment_sizes VALUES ('c5143349-596b-43be-817c-3019b950769e', 'rfm-hibernating', 1796343154468, 0);
INSERT INTO public.segment_sizes VALUES ('c5143349-596b-43be-817c-3019b950769e', 'at-risk', 1796343154468, 0);
INSERT INTO public.segment_sizes VALUES ('c5143349-596b-43be-817c-3019b950769e', 'buyers', 1796343154468, 2);
INSERT INTO public.segment_sizes VALUES ('c5143349-596b-43be-817c-3019b950769e', 'rfm-cant-lose-them', 1796343154468, 0);
INSERT INTO public.segment_sizes VALUES ('c5143349-596b-43be-817c-3019b950769e', 'rfm-about-to-sleep', 1796343154468, 0);
INSERT INTO public.segment_sizes VALUES ('c5143349-596b-43be-817c-3019b950769e', 'rfm-at-risk', 1796343154468, 0);


--
-- Data for Name: segments; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.segments VALUES ('c5143349-596b-43be-817c-3019b950769e', 'vip-customers', 'VIP Customers', '{"createdAt":1796343151544.167,"description":"Lifetime value above 1,000.","id":"vip-customers","name":"VIP Customers","rule":{"lifetime_value":{"gt":1000}},"system":true,"updatedAt":1796343151544.167,"workspaceId":"c5143349-596b-43be-817c-3019b950769e"}');
INSERT INTO public.segments VALUES ('c5143349-596b-43be-817c-3019b950769e', 'at-risk', 'At Risk', '{"createdAt":1796343151544.167,"description":"Active subscribers with no order for 60 days and low email engagement.","id":"at-risk","name":"At Risk","rule":{"days_since_order":{"gt":60},"email_engagement_score":{"lt":20},"subscription_status":"active"},"system":true,"updatedAt":1796343151544.167,"workspaceId":"c5143349-596b-43be-817c-3019b950769e"}');
INSERT INTO public.segments VALUES ('c5143349-596b-43be-817c-3019b950769e', 'prime-for-subscription', 'Prime for Subscription', '{"createdAt":1796343151544.167,"description":"Three or more orders, AOV above 75, no subscription.","id":"prime-for-subscription","name":"Prime for Subscription","rule":{"avg_order_value":{"gt":75},"not":{"subscription_status":{"in":["active","paused"]}},"order_count":{"gte":3}},"system":true,"updatedAt":1796343151544.167,"workspaceId":"c5143349-596b-43be-817c-3019b950769e"}');
INSERT INTO public.segments VALUES ('c5143349-596b-43be-817c-3019b950769e', 'rfm-champions', 'RFM: Champions', '{"createdAt":1796343151544.167,"description":"RFM named segment Champions.","id":"rfm-champions","name":"RFM: Champions","rule":{"rfm_segment":"Champions"},"system":true,"updatedAt":1796343151544.167,"workspaceId":"c5143349-596b-43be-817c-3019b950769e"}');
INSERT INTO public.segments VALUES ('c5143349-596b-43be-817c-3019b950769e', 'rfm-loyal', 'RFM: Loyal', '{"createdAt":1796343151544.167,"description":"RFM named segment Loyal.","id":"rfm-loyal","name":"RFM: Loyal","rule":{"rfm_segment":"Loyal"},"system":true,"updatedAt":1796343151544.167,"workspaceId":"c5143349-596b-43be-817c-3019b950769e"}');
INSERT INTO public.segments VALUES ('c5143349-596b-43be-817c-3019b950769e', 'rfm-potential-loyalist', 'RFM: Potential Loyalist', '{"createdAt":1796343151544.167,"description":"RFM named segment Potential Loyalist.","id":"rfm-potential-loyalist","name":"RFM: Potential Loyalist","rule":{"rfm_segment":"Potential Loyalist"},"system":true,"updatedAt":1796343151544.167,"workspaceId":"c5143349-596b-43be-817c-3019b950769e"}');
INSERT INTO public.segments VALUES ('c5143349-596b-43be-817c-3019b950769e', 'rfm-new', 'RFM: New', '{"createdAt":1796343151544.167,"description":"RFM named segment New.","id":"rfm-new","name":"RFM: New","rule":{"rfm_segment":"New"},"system":true,"updatedAt":1796343151544.167,"workspaceId":"c5143349-596b-43be-817c-3019b950769e"}');
INSERT INTO public.segments VALUES ('c5143349-596b-43be-817c-3019b950769e', 'rfm-promising', 'RFM: Promising', '{"createdAt":1796343151544.167,"description":"RFM named segment Promising.","id":"rfm-promising","name":"RFM: Promising","rule":{"rfm_segment":"Promising"},"system":true,"updatedAt":1796343151544.167,"workspaceId":"c5143349-596b-43be-817c-3019b950769e"}');
INSERT INTO public.segments VALUES ('c5143349-596b-43be-817c-3019b950769e', 'rfm-need-attention', 'RFM: Need Attention', '{"createdAt":1796343151544.167,"description":"RFM named segment Need Attention.","id":"rfm-need-attention","name":"RFM: Need Attention","rule":{"rfm_segment":"Need Attention"},"system":true,"updatedAt":1796343151544.167,"workspaceId":"c5143349-596b-43be-817c-3019b950769e"}');
INSERT INTO public.segments VALUES ('c5143349-596b-43be-817c-3019b950769e', 'rfm-about-to-sleep', 'RFM: About to Sleep', '{"createdAt":1796343151544.167,"description":"RFM named segment About to Sleep.","id":"rfm-about-to-sleep","name":"RFM: About to Sleep","rule":{"rfm_segment":"About to Sleep"},"system":true,"updatedAt":1796343151544.167,"workspaceId":"c5143349-596b-43be-817c-3019b950769e"}');
INSERT INTO public.segments VALUES ('c5143349-596b-43be-817c-3019b950769e', 'rfm-at-risk', 'RFM: At Risk', '{"createdAt":1796343151544.167,"description":"RFM named segment At Risk.","id":"rfm-at-risk","name":"RFM: At Risk","rule":{"rfm_segment":"At Risk"},"system":true,"updatedAt":1796343151544.167,"workspaceId":"c5143349-596b-43be-817c-3019b950769e"}');
INSERT INTO public.segments VALUES ('c5143349-596b-43be-817c-3019b950769e', 'rfm-cant-lose-them', 'RFM: Can''t Lose Them', '{"createdAt":1796343151544.167,"description":"RFM named segment Can''t Lose Them.","id":"rfm-cant-lose-them","name":"RFM: Can''t Lose Them","rule":{"rfm_segment":"Can''t Lose Them"},"system":true,"updatedAt":1796343151544.167,"workspaceId":"c5143349-596b-43be-817c-3019b950769e"}');
INSERT INTO public.segments VALUES ('c5143349-596b-43be-817c-3019b950769e', 'rfm-hibernating', 'RFM: Hibernating', '{"createdAt":1796343151544.167,"description":"RFM named segment Hibernating.","id":"rfm-hibernating","name":"RFM: Hibernating","rule":{"rfm_segment":"Hibernating"},"system":true,"updatedAt":1796343151544.167,"workspaceId":"c5143349-596b-43be-817c-3019b950769e"}');
INSERT INTO public.segments VALUES ('c5143349-596b-43be-817c-3019b950769e', 'rfm-lost', 'RFM: Lost', '{"createdAt":1796343151544.167,"description":"RFM named segment Lost.","id":"rfm-lost","name":"RFM: Lost","rule":{"rfm_segment":"Lost"},"system":true,"updatedAt":1796343151544.167,"workspaceId":"c5143349-596b-43be-817c-3019b950769e"}');
INSERT INTO public.segments VALUES ('c5143349-596b-43be-817c-3019b950769e', 'buyers', 'Buyers', '{"createdAt":1796343151883.0833,"description":"","id":"buyers","name":"Buyers","rule":{"order_count":{"gte":1}},"system":false,"updatedAt":1796343151883.0833,"workspaceId":"c5143349-596b-43be-817c-3019b950769e"}');


--
-- Data for Name: workspaces; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.workspaces VALUES ('c5143349-596b-43be-817c-3019b950769e', 'shop', 1796343146778);


--
-- Data for Name: write_keys; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.write_keys VALUES ('c5143349-596b-43be-817c-3019b950769e', 'f888a6bffe31731e9bde0a9cde59842d16d00547c6e7852bdf0b3690fff06508', 'default', 1796343146789);
INSERT INTO public.write_keys VALUES ('c5143349-596b-43be-817c-3019b950769e', '38a1036bf2b45adf618d8b5a37611d0d462e751b6043e1f59ebfde2f4c80943e', 'app', 1796343147781);


--
-- Name: events_seq_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.events_seq_seq', 8, true);


--
-- Name: segment_changes_change_no_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.segment_changes_change_no_seq', 6, true);


--
-- Name: api_tokens api_tokens_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.api_tokens
    ADD CONSTRAINT api_tokens_pkey PRIMARY KEY (workspace_id, token_hash);


--
-- Name: beacon_migrations beacon_migrations_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.beacon_migrations
    ADD CONSTRAINT beacon_migrations_pkey PRIMARY KEY (id);


--
-- Name: dashboard_grants dashboard_grants_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.dashboard_grants
    ADD CONSTRAINT dashboard_grants_pkey PRIMARY KEY (user_id, workspace_id);


--
-- Name: dashboard_sessions dashboard_sessions_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.dashboard_sessions
    ADD CONSTRAINT dashboard_sessions_pkey PRIMARY KEY (token_hash);


--
-- Name: dashboard_users dashboard_users_email_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.dashboard_users
    ADD CONSTRAINT dashboard_users_email_key UNIQUE (email);


--
-- Name: dashboard_users dashboard_users_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.dashboard_users
    ADD CONSTRAINT dashboard_users_pkey PRIMARY KEY (id);


--
-- Name: events events_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.events
    ADD CONSTRAINT events_pkey PRIMARY KEY (workspace_id, message_id);


--
-- Name: identity_merges identity_merges_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.identity_merges
    ADD CONSTRAINT identity_merges_pkey PRIMARY KEY (workspace_id, merge_no);


--
-- Name: identity_rules identity_rules_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.identity_rules
    ADD CONSTRAINT identity_rules_pkey PRIMARY KEY (workspace_id, after_seq);


--
-- Name: import_jobs import_jobs_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.import_jobs
    ADD CONSTRAINT import_jobs_pkey PRIMARY KEY (workspace_id, job_id);


--
-- Name: profile_checkpoints profile_checkpoints_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.profile_checkpoints
    ADD CONSTRAINT profile_checkpoints_pkey PRIMARY KEY (workspace_id);


--
-- Name: profile_identifiers profile_identifiers_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.profile_identifiers
    ADD CONSTRAINT profile_identifiers_pkey PRIMARY KEY (workspace_id, kind, value);


--
-- Name: profiles profiles_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.profiles
    ADD CONSTRAINT profiles_pkey PRIMARY KEY (workspace_id, profile_id);


--
-- Name: segment_changes segment_changes_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.segment_changes
    ADD CONSTRAINT segment_changes_pkey PRIMARY KEY (change_no);


--
-- Name: segment_members segment_members_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.segment_members
    ADD CONSTRAINT segment_members_pkey PRIMARY KEY (workspace_id, segment_id, profile_id);


--
-- Name: segment_sizes segment_sizes_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.segment_sizes
    ADD CONSTRAINT segment_sizes_pkey PRIMARY KEY (workspace_id, segment_id, at);


--
-- Name: segments segments_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.segments
    ADD CONSTRAINT segments_pkey PRIMARY KEY (workspace_id, segment_id);


--
-- Name: workspaces workspaces_name_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.workspaces
    ADD CONSTRAINT workspaces_name_key UNIQUE (name);


--
-- Name: workspaces workspaces_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.workspaces
    ADD CONSTRAINT workspaces_pkey PRIMARY KEY (id);


--
-- Name: write_keys write_keys_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.write_keys
    ADD CONSTRAINT write_keys_pkey PRIMARY KEY (workspace_id, key_hash);


--
-- Name: api_tokens_by_hash; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX api_tokens_by_hash ON public.api_tokens USING btree (token_hash);


--
-- Name: dashboard_sessions_by_user; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX dashboard_sessions_by_user ON public.dashboard_sessions USING btree (user_id);


--
-- Name: events_by_anonymous; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX events_by_anonymous ON public.events USING btree (workspace_id, anonymous_id);


--
-- Name: events_by_seq; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX events_by_seq ON public.events USING btree (workspace_id, seq);


--
-- Name: events_by_time; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX events_by_time ON public.events USING btree (workspace_id, "timestamp");


--
-- Name: events_by_user; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX events_by_user ON public.events USING btree (workspace_id, user_id);


--
-- Name: identity_merges_from; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX identity_merges_from ON public.identity_merges USING btree (workspace_id, from_profile);


--
-- Name: identity_merges_into; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX identity_merges_into ON public.identity_merges USING btree (workspace_id, into_profile);


--
-- Name: import_jobs_by_start; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX import_jobs_by_start ON public.import_jobs USING btree (workspace_id, started_at);


--
-- Name: profile_identifiers_by_profile; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX profile_identifiers_by_profile ON public.profile_identifiers USING btree (workspace_id, profile_id);


--
-- Name: profile_identifiers_by_value; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX profile_identifiers_by_value ON public.profile_identifiers USING btree (workspace_id, value);


--
-- Name: profiles_by_email; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX profiles_by_email ON public.profiles USING btree (workspace_id, email);


--
-- Name: profiles_by_name; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX profiles_by_name ON public.profiles USING btree (workspace_id, name_key);


--
-- Name: segment_changes_by_segment; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX segment_changes_by_segment ON public.segment_changes USING btree (workspace_id, segment_id, change_no);


--
-- Name: segment_members_by_profile; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX segment_members_by_profile ON public.segment_members USING btree (workspace_id, profile_id);


--
-- Name: write_keys_by_hash; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX write_keys_by_hash ON public.write_keys USING btree (key_hash);


--
-- Name: api_tokens api_tokens_workspace_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.api_tokens
    ADD CONSTRAINT api_tokens_workspace_id_fkey FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE;


--
-- Name: dashboard_grants dashboard_grants_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.dashboard_grants
    ADD CONSTRAINT dashboard_grants_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.dashboard_users(id) ON DELETE CASCADE;


--
-- Name: dashboard_grants dashboard_grants_workspace_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.dashboard_grants
    ADD CONSTRAINT dashboard_grants_workspace_id_fkey FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE;


--
-- Name: dashboard_sessions dashboard_sessions_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.dashboard_sessions
    ADD CONSTRAINT dashboard_sessions_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.dashboard_users(id) ON DELETE CASCADE;


--
-- Name: events events_workspace_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.events
    ADD CONSTRAINT events_workspace_id_fkey FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE;


--
-- Name: identity_merges identity_merges_workspace_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.identity_merges
    ADD CONSTRAINT identity_merges_workspace_id_fkey FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE;


--
-- Name: identity_rules identity_rules_workspace_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.identity_rules
    ADD CONSTRAINT identity_rules_workspace_id_fkey FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE;


--
-- Name: import_jobs import_jobs_workspace_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.import_jobs
    ADD CONSTRAINT import_jobs_workspace_id_fkey FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE;


--
-- Name: profile_checkpoints profile_checkpoints_workspace_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.profile_checkpoints
    ADD CONSTRAINT profile_checkpoints_workspace_id_fkey FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE;


--
-- Name: profile_identifiers profile_identifiers_workspace_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.profile_identifiers
    ADD CONSTRAINT profile_identifiers_workspace_id_fkey FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE;


--
-- Name: profiles profiles_workspace_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.profiles
    ADD CONSTRAINT profiles_workspace_id_fkey FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE;


--
-- Name: segment_changes segment_changes_workspace_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.segment_changes
    ADD CONSTRAINT segment_changes_workspace_id_fkey FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE;


--
-- Name: segment_members segment_members_workspace_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.segment_members
    ADD CONSTRAINT segment_members_workspace_id_fkey FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE;


--
-- Name: segment_sizes segment_sizes_workspace_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.segment_sizes
    ADD CONSTRAINT segment_sizes_workspace_id_fkey FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE;


--
-- Name: segments segments_workspace_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.segments
    ADD CONSTRAINT segments_workspace_id_fkey FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE;


--
-- Name: write_keys write_keys_workspace_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.write_keys
    ADD CONSTRAINT write_keys_workspace_id_fkey FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE;


--
-- PostgreSQL database dump complete
--


