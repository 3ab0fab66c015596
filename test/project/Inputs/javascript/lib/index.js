const { notify } = require('./notify');
module.exports = { notify };
