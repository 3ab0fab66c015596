// RUN: %check_lambda_lint --unsafe-fixes %s connection-in-handler %t
// With --unsafe-fixes: connections that connect when made move to module scope, and an awaited
// connection becomes a memoised promise that forgets a failed attempt.
import mysql from "mysql2/promise";
import mongoose from "mongoose";
import { MongoClient } from "mongodb";
import Redis from "ioredis";

let cachedConnection;

async function connectOnce() {
  cachedConnection ??= mongoose.connect(process.env.MONGODB_URI);
  return cachedConnection;
}

export const handler = async (event) => {
  const redis = new Redis(process.env.REDIS_URL);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: Redis client `new Redis(...)` {{.*}} [connection-in-handler]
  const db = await mysql.createConnection({ uri: process.env.DATABASE_URL });
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: MySQL connection `mysql.createConnection(...)` {{.*}} [connection-in-handler]
  const mongo = new MongoClient(process.env.MONGODB_URI);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: MongoDB client `new MongoClient(...)` {{.*}} [connection-in-handler]
  const direct = await MongoClient.connect(process.env.MONGODB_URI);
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: MongoDB connection `MongoClient.connect(...)` {{.*}} [connection-in-handler]
  await connectOnce();
  const [rows] = await db.query("select 1");
  return { rows, redis, mongo, direct };
};

// CHECK-FIXES: const redis = new Redis(process.env.REDIS_URL);
// CHECK-FIXES: let _db;
// CHECK-FIXES-NEXT: function getDb() {
// CHECK-FIXES-NEXT: _db ??= mysql.createConnection({ uri: process.env.DATABASE_URL }).catch((err) => {
// CHECK-FIXES-NEXT: _db = undefined;
// CHECK-FIXES-NEXT: throw err;
// CHECK-FIXES-NEXT: });
// CHECK-FIXES-NEXT: return _db;
// CHECK-FIXES-NEXT: }
// CHECK-FIXES: const mongo = new MongoClient(process.env.MONGODB_URI);
// CHECK-FIXES: let _direct;
// CHECK-FIXES: _direct ??= MongoClient.connect(process.env.MONGODB_URI).catch((err) => {
// CHECK-FIXES: export const handler = async (event) => {
// CHECK-FIXES: const db = await getDb();
// CHECK-FIXES: const direct = await getDirect();
