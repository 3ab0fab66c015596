// RUN: %check_lambda_lint --unsafe-fixes %s connection-in-handler %t
// TypeScript: a lazy getter for a value made by a function call gets a typed factory.
import { createPool, type Pool } from "mysql2/promise";
import { PrismaClient } from "@prisma/client";

export async function handler(event: { id: string }): Promise<unknown> {
  const prisma = new PrismaClient();
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: database client `new PrismaClient(...)` {{.*}} [connection-in-handler]
  const pool: Pool = event.id ? createPool({ uri: process.env.DATABASE_URL }) : createPool({});
  // CHECK-MESSAGES: :[[@LINE-1]]:33: warning: MySQL connection pool `createPool(...)` {{.*}} [connection-in-handler]
  // CHECK-MESSAGES: :[[@LINE-2]]:81: warning: MySQL connection pool `createPool(...)` {{.*}} [connection-in-handler]
  return [await prisma.user.findMany(), pool];
}

// CHECK-FIXES: const prisma = new PrismaClient();
// CHECK-FIXES: function makePool() {
// CHECK-FIXES-NEXT: return createPool({ uri: process.env.DATABASE_URL });
// CHECK-FIXES-NEXT: }
// CHECK-FIXES: let _pool: ReturnType<typeof makePool> | undefined;
// CHECK-FIXES-NEXT: function getPool() {
// CHECK-FIXES-NEXT: _pool ??= makePool();
// CHECK-FIXES: const pool: Pool = event.id ? getPool() : getPool2();
