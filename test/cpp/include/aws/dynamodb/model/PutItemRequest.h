#pragma once
// Test stub: the SDK declares this request in its own header; the stubs declare it with the client.
#include <aws/dynamodb/DynamoDBClient.h>
