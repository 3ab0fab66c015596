const report = require('./report');
const sharp = require('sharp');

function thumbnail(body) {
  return sharp(body).resize(64).toBuffer();
}

exports.handler = async (event) => {
  if (event.kind === 'image') return thumbnail(event.body);
  return report.render(event);
};
