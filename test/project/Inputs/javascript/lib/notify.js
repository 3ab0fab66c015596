const { SNSClient } = require('@aws-sdk/client-sns');
exports.notify = function () {
  return new SNSClient({});
};
