import { SSMClient, GetParameterCommand } from '@aws-sdk/client-ssm';
export default class Repo {
  constructor() {
    this.ssm = new SSMClient({});
  }
  async save(item) {
    return new SSMClient({}).send(new GetParameterCommand({ Name: '/x' }));
  }
}
