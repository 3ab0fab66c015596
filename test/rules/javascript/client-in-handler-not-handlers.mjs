// RUN: %check_lambda_lint %s client-in-handler,connection-in-handler %t
// Not every exported function is a Lambda handler: a Vuex/Redux store's exported actions, a
// standalone SDK example's `main`, an exported helper without an `(event, context)` shape are not
// entry points, so what they create is not per-invocation work. (No warning may appear.)
import { S3Client, ListBucketsCommand } from "@aws-sdk/client-s3";
import { MongoClient } from "mongodb";

export const actions = {
  async fetchItems({ commit }, payload) {
    const s3 = new S3Client({});
    commit("setItems", await s3.send(payload));
  },
};

export const mutations = {
  setItems(state, items) {
    state.items = items;
  },
};

export async function loadUser(userId) {
  const client = new MongoClient(process.env.MONGODB_URI);
  return client.db("app").collection("users").findOne({ _id: userId });
}

export const main = async () => {
  const s3 = new S3Client({ region: "us-east-1" });
  console.log(await s3.send(new ListBucketsCommand({})));
};

if (import.meta.url === `file://${process.argv[1]}`) {
  await main();
}
