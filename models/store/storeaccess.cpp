#include "storeaccess.h"

#include "database.h"

Database StoreAccess::open() const
{
    if (key)
        return Database::open(path, *key, Database::OpenMode::ExistingOnly);
    return Database::open(path, passphrase, Database::OpenMode::ExistingOnly);
}
