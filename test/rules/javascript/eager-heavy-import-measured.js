// RUN: %check_lambda_lint %s eager-heavy-import %t
// npm packages that Lambda handlers use often are measured (data/import-costs.yaml), so they are
// weighed even with no node_modules next to the handler: sharp, pdfkit, zod.
const sharp = require("sharp");
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: `sharp` ({{[0-9]+}} ms to import) is loaded during Init on every cold start, but used only in `thumbnail`, which not every invocation runs; import it where it is used [eager-heavy-import]
const PDFDocument = require("pdfkit");
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: `pdfkit` ({{[0-9]+}} ms to import) is loaded during Init on every cold start, but used only in `invoice`, which not every invocation runs; import it where it is used [eager-heavy-import]
const { z } = require("zod");

const Event = z.object({ kind: z.string() });

function thumbnail(body) {
  return sharp(body).resize(64).toBuffer();
}

function invoice() {
  return new PDFDocument();
}

exports.handler = async (event) => {
  // zod parses every event: needed on every invocation, not reported.
  const e = Event.parse(event);
  if (e.kind === "image") return thumbnail(event.body);
  if (e.kind === "invoice") return invoice();
  return null;
};
