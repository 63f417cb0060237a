#pragma once

#include <QString>
#include <stdexcept>

// Raised by the store layer for any SQLite/SQLCipher failure. The message names
// the operation and SQLite's own words, never row contents (no personal data).
class StoreError : public std::runtime_error
{
public:
    enum class Kind { Generic, WrongPassphrase, NotFound, Busy, Constraint, DiskFull };

    explicit StoreError(const QString &message, Kind kind = Kind::Generic)
        : std::runtime_error(message.toStdString()), m_message(message), m_kind(kind) {}

    QString message() const { return m_message; }
    Kind kind() const { return m_kind; }

private:
    QString m_message;
    Kind m_kind;
};
