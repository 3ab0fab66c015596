#pragma once
/* Test stub of libpq's client API (declarations only). */
#ifdef __cplusplus
extern "C" {
#endif

typedef struct pg_conn PGconn;
typedef struct pg_result PGresult;
typedef enum { CONNECTION_OK, CONNECTION_BAD } ConnStatusType;

PGconn* PQconnectdb(const char* conninfo);
PGconn* PQconnectdbParams(const char* const* keywords, const char* const* values, int expand_dbname);
PGconn* PQsetdbLogin(const char* pghost, const char* pgport, const char* pgoptions,
                     const char* pgtty, const char* dbName, const char* login, const char* pwd);
ConnStatusType PQstatus(const PGconn* conn);
PGresult* PQexec(PGconn* conn, const char* query);
void PQclear(PGresult* res);
void PQfinish(PGconn* conn);

#ifdef __cplusplus
}
#endif
