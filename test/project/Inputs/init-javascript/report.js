const PDFDocument = require('pdfkit');
const { z } = require('zod');

exports.render = (event) => new PDFDocument({ info: z.object({}).parse(event.info) });
