#pragma once

#include <QDate>
#include <QString>

// One product position of a customer.
struct Holding
{
    enum class ProductType : quint8 { DemandDeposit, TimeDeposit, Wealth, Fund, Insurance, PreciousMetal };
    enum class Status : quint8 { Active, Matured, Closed };
    static constexpr int kProductTypeCount = 6;

    QString holdingId;
    QString customerNo;
    ProductType productType = ProductType::DemandDeposit;
    QString productName;
    qint64 amountFen = 0;
    QDate openDate;
    QDate maturityDate; // null for products without a term
    Status status = Status::Active;

    static QString productTypeKey(ProductType t);
    static bool productTypeFromKey(const QString &key, ProductType *out);
    static QString productTypeName(ProductType t); // translated
    static QString statusKey(Status s);
    static bool statusFromKey(const QString &key, Status *out);
};
