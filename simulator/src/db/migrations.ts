import type Database from 'better-sqlite3'

interface Migration {
  id: number
  name: string
  sql: string
}

/**
 * The schema, as a numbered list applied in order and recorded in schema_migrations. Never
 * edit a migration that has shipped: add the next number.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    id: 1,
    name: 'accounts',
    sql: `
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE resellers (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        npvr_available INTEGER NOT NULL,
        npvr_enabled INTEGER NOT NULL,
        npvr_storage INTEGER NOT NULL,
        npvr_auto_expire_days INTEGER NOT NULL,
        customer_may_override INTEGER NOT NULL
      );
      CREATE TABLE customers (
        id TEXT PRIMARY KEY,
        settings_id TEXT NOT NULL UNIQUE,
        reseller_id TEXT NOT NULL REFERENCES resellers(id),
        has_iptv INTEGER NOT NULL,
        npvr_override INTEGER NOT NULL DEFAULT 0,
        npvr_enabled INTEGER,
        npvr_storage INTEGER,
        npvr_auto_expire_days INTEGER,
        scrub_override INTEGER NOT NULL DEFAULT 0,
        scrub_forward INTEGER,
        scrub_backward INTEGER,
        scrub_pause INTEGER
      );
      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        username TEXT NOT NULL UNIQUE,
        password_hash TEXT NOT NULL,
        name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('customer', 'reseller', 'admin')),
        customer_id TEXT REFERENCES customers(id),
        reseller_id TEXT REFERENCES resellers(id),
        created_at INTEGER NOT NULL,
        pin_hash TEXT NOT NULL,
        pin_enabled INTEGER NOT NULL DEFAULT 1,
        pin_failed INTEGER NOT NULL DEFAULT 0,
        pin_locked_until INTEGER,
        pin_lock_count INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX users_customer ON users (customer_id);
      CREATE TABLE user_stamps (
        user_id TEXT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        pins INTEGER NOT NULL,
        recordings INTEGER NOT NULL,
        rights INTEGER NOT NULL,
        services INTEGER NOT NULL,
        tags INTEGER NOT NULL
      );
      CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        user_id TEXT REFERENCES users(id) ON DELETE CASCADE,
        device_id TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL
      );
      CREATE TABLE devices (
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        device_id TEXT NOT NULL,
        name TEXT NOT NULL,
        model TEXT NOT NULL,
        added_at INTEGER NOT NULL,
        PRIMARY KEY (user_id, device_id)
      );
      CREATE TABLE identities (
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        type TEXT NOT NULL,
        identity TEXT NOT NULL,
        PRIMARY KEY (user_id, type, identity)
      );
      CREATE TABLE account_changes (
        id INTEGER PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        occurred_at INTEGER NOT NULL,
        type TEXT NOT NULL,
        text TEXT NOT NULL,
        attributes TEXT
      );
      CREATE INDEX account_changes_user_time ON account_changes (user_id, occurred_at DESC, id DESC);
    `,
  },
  {
    id: 2,
    name: 'guide',
    sql: `
      CREATE TABLE channels (
        id TEXT PRIMARY KEY,
        number INTEGER NOT NULL UNIQUE,
        name TEXT NOT NULL,
        genre TEXT,
        catchup_hours INTEGER NOT NULL,
        xmltv_id TEXT UNIQUE,
        icon_url TEXT
      );
      CREATE TABLE programmes (
        id INTEGER PRIMARY KEY,
        channel_id TEXT NOT NULL REFERENCES channels(id) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        title TEXT NOT NULL,
        description TEXT,
        categories TEXT,
        series_id TEXT,
        episode TEXT,
        CHECK (end > start)
      );
      -- A guide window is "programmes of channel C overlapping [S, E)": this index answers it.
      CREATE INDEX programmes_channel_start ON programmes (channel_id, start);
      CREATE INDEX programmes_series ON programmes (series_id, start) WHERE series_id IS NOT NULL;
    `,
  },
  {
    id: 3,
    name: 'catalogue',
    sql: `
      CREATE TABLE products (
        id TEXT PRIMARY KEY,
        package_id TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL,
        description TEXT NOT NULL,
        type TEXT NOT NULL CHECK (type IN ('CHANNEL', 'PVR', 'CATCHUP', 'STARTOVER', 'CHANNEL_GROUP')),
        is_premium INTEGER NOT NULL,
        is_main INTEGER NOT NULL,
        price_cents INTEGER NOT NULL,
        currency TEXT NOT NULL,
        duration_days INTEGER NOT NULL,
        fails_order INTEGER NOT NULL DEFAULT 0
      );
      CREATE TABLE product_channels (
        product_id TEXT NOT NULL REFERENCES products(id) ON DELETE CASCADE,
        service TEXT NOT NULL CHECK (service IN ('live', 'catchup', 'npvr', 'startover')),
        channel_id TEXT NOT NULL REFERENCES channels(id) ON DELETE CASCADE,
        PRIMARY KEY (product_id, service, channel_id)
      );
      CREATE INDEX product_channels_channel ON product_channels (channel_id, service);
      CREATE TABLE licences (
        id INTEGER PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        product_id TEXT NOT NULL REFERENCES products(id),
        status TEXT NOT NULL CHECK (status IN ('PROCESSING', 'CHECK_INVALID', 'ORDER_ERROR', 'ACTIVE',
          'EXPIRED', 'SUSPENDED', 'SUSPENDEDADMIN')),
        start_date INTEGER NOT NULL,
        stop_date INTEGER,
        created_at INTEGER NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('purchase', 'package', 'seed'))
      );
      CREATE INDEX licences_user ON licences (user_id, status);
      CREATE TABLE subscription_packages (
        customer_id TEXT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        package_id TEXT NOT NULL,
        start_ms INTEGER,
        end_ms INTEGER,
        added_at INTEGER NOT NULL,
        PRIMARY KEY (customer_id, position)
      );
      CREATE TABLE services (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        description TEXT NOT NULL,
        short_description TEXT NOT NULL,
        date_start INTEGER NOT NULL,
        date_end INTEGER NOT NULL,
        type INTEGER NOT NULL,
        status INTEGER NOT NULL,
        purchase_type INTEGER NOT NULL,
        required_days INTEGER NOT NULL,
        child_count INTEGER NOT NULL,
        is_ott INTEGER NOT NULL,
        is_iptv INTEGER NOT NULL,
        price_cents INTEGER NOT NULL,
        currency TEXT NOT NULL
      );
      CREATE TABLE service_relations (
        service_id INTEGER NOT NULL REFERENCES services(id) ON DELETE CASCADE,
        related_id INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('upgrade', 'incompatible')),
        PRIMARY KEY (service_id, kind, related_id)
      );
      CREATE TABLE user_services (
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        service_id INTEGER NOT NULL REFERENCES services(id) ON DELETE CASCADE,
        purchased_at INTEGER NOT NULL,
        PRIMARY KEY (user_id, service_id)
      );
    `,
  },
  {
    id: 4,
    name: 'recordings and resumes',
    sql: `
      CREATE TABLE recordings (
        id INTEGER PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        programme_id TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        title TEXT NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        series_id TEXT,
        protected INTEGER NOT NULL DEFAULT 0,
        failed INTEGER NOT NULL DEFAULT 0,
        -- The state the Recordings stamp last moved for, so that a clock transition moves it once.
        seen_state TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        UNIQUE (user_id, programme_id)
      );
      CREATE TABLE resumes (
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        content_id TEXT NOT NULL,
        position INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (user_id, content_id)
      );
    `,
  },
  {
    id: 5,
    name: 'sign-in throttling',
    sql: `
      -- Wrong passwords by key: 'user:<name as typed>' or 'address:<client address>'.
      CREATE TABLE login_throttle (
        key TEXT PRIMARY KEY,
        failed INTEGER NOT NULL,
        last_failed_at INTEGER NOT NULL,
        locked_until INTEGER,
        lock_count INTEGER NOT NULL
      );
    `,
  },
  {
    id: 6,
    name: 'tags, watch history, guide search and programme flags',
    sql: `
      -- New, Premiere and Live as bits (1, 2, 4): model/flags.ts names them.
      ALTER TABLE programmes ADD COLUMN flags INTEGER NOT NULL DEFAULT 0;
      CREATE TABLE user_tags (
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        item_type TEXT NOT NULL,
        item_id TEXT NOT NULL,
        tag TEXT NOT NULL,
        added_at INTEGER NOT NULL,
        PRIMARY KEY (user_id, item_type, item_id, tag)
      );
      CREATE INDEX user_tags_time ON user_tags (user_id, added_at DESC);
      -- AUTOINCREMENT: an id a client still holds never comes back naming another entry.
      CREATE TABLE watch_history (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        -- What makes two playbacks the same item: 'live:ch3', 'catchup:153', 'recording:4'.
        item_key TEXT NOT NULL,
        kind TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        programme_id TEXT,
        recording_id TEXT,
        title TEXT NOT NULL,
        watched_at INTEGER NOT NULL,
        UNIQUE (user_id, item_key)
      );
      CREATE INDEX watch_history_time ON watch_history (user_id, watched_at DESC, id DESC);
      -- SearchGuide's index (model/searchIndex.ts): titles, episodes and the time blocks each
      -- programme overlaps. Contentless (the text stays in programmes) with deletes by rowid,
      -- so that a delete needs no copy of what was indexed and a reset empties it in one go
      -- ('delete-all'). Deletes and changes are kept in step by triggers, so that the index
      -- never names a programme that is gone or changed, whoever deletes it (the XMLTV
      -- importer's ranges, a channel's cascade). Inserts are indexed by their writers in bulk
      -- (indexProgrammesFrom): a trigger per inserted row made a demo seed four times as slow.
      -- kanal_search_blocks is registered on the connection (db/connection.ts).
      CREATE VIRTUAL TABLE programmes_fts USING fts5(
        title, episode, blocks, content = '', contentless_delete = 1,
        tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3'
      );
      CREATE TRIGGER programmes_fts_delete AFTER DELETE ON programmes BEGIN
        DELETE FROM programmes_fts WHERE rowid = old.id;
      END;
      CREATE TRIGGER programmes_fts_update AFTER UPDATE OF id, start, end, title, episode ON programmes BEGIN
        DELETE FROM programmes_fts WHERE rowid = old.id;
        INSERT INTO programmes_fts (rowid, title, episode, blocks)
          VALUES (new.id, new.title, new.episode, kanal_search_blocks(new.start, new.end));
      END;
      INSERT INTO programmes_fts (rowid, title, episode, blocks)
        SELECT id, title, episode, kanal_search_blocks(start, end) FROM programmes;
    `,
  },
]

/** Applies the migrations not yet recorded, each in its own transaction. */
export const migrate = (db: Database.Database): number[] => {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`)
  const applied = new Set(
    db
      .prepare<[], { id: number }>('SELECT id FROM schema_migrations')
      .all()
      .map((r) => r.id),
  )
  const record = db.prepare('INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)')
  const done: number[] = []
  for (const m of MIGRATIONS) {
    if (applied.has(m.id)) continue
    db.transaction(() => {
      db.exec(m.sql)
      record.run(m.id, m.name, new Date().toISOString())
    })()
    done.push(m.id)
  }
  return done
}

/** Every table a scenario reset empties, children before parents. */
export const DATA_TABLES = [
  'watch_history',
  'user_tags',
  // Before programmes: emptied in one go (emptyDataTables), the delete trigger then finds nothing.
  'programmes_fts',
  'login_throttle',
  'resumes',
  'recordings',
  'user_services',
  'service_relations',
  'services',
  'subscription_packages',
  'licences',
  'product_channels',
  'products',
  'programmes',
  'channels',
  'account_changes',
  'identities',
  'devices',
  'sessions',
  'user_stamps',
  'users',
  'customers',
  'resellers',
  'meta',
] as const

/** Empties every data table (a scenario reset); the search index with FTS5's own 'delete-all'. */
export const emptyDataTables = (db: Database.Database): void => {
  for (const table of DATA_TABLES) {
    if (table === 'programmes_fts')
      db.prepare("INSERT INTO programmes_fts (programmes_fts) VALUES ('delete-all')").run()
    else db.prepare(`DELETE FROM ${table}`).run()
  }
}
