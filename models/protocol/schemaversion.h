#pragma once

// The store schema version this build writes (PRAGMA user_version after every migration)
// and sends in each push batch (WireFormat's schemaVersion). SchemaMigrations::latestVersion()
// returns it and checks at compile time that it has exactly this many steps; HQ refuses a
// batch from a newer schema. The one place the number lives.
inline constexpr int kSchemaVersion = 11;
