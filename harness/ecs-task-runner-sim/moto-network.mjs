// A VPC for tasks on moto (../ecs-task-runner-sim.mjs re-exports it): moto checks a service's or a task's
// subnets and security groups against its EC2, so tests and the demo make one VPC with two subnets and a
// security group there, through the EC2 Query API (the repo has no EC2 SDK client). Models no routing.
import { randomBytes } from 'node:crypto';
import { URLSearchParams } from 'node:url';
import { motoAuthorization } from './moto-calls.mjs';

/**
 * One VPC with two subnets and a security group in moto's EC2.
 * @param {string} motoUrl
 * @returns {Promise<{ vpcId: string, subnets: string[], securityGroup: string }>}
 */
export async function createMotoNetwork(motoUrl, region = 'us-east-1') {
  const ec2 = async (params) => {
    const res = await fetch(`${motoUrl}/`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: motoAuthorization(region, 'ec2'),
      },
      body: new URLSearchParams({ Version: '2016-11-15', ...params }).toString(),
      signal: AbortSignal.timeout(10_000),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`EC2 ${params.Action}: HTTP ${res.status} ${text}`);
    return text;
  };
  const value = (xml, tag) => new RegExp(`<${tag}>([^<]+)</${tag}>`).exec(xml)?.[1] ?? '';
  const vpcId = value(await ec2({ Action: 'CreateVpc', CidrBlock: '10.42.0.0/16' }), 'vpcId');
  const subnets = [];
  for (const cidr of ['10.42.1.0/24', '10.42.2.0/24'])
    subnets.push(value(await ec2({ Action: 'CreateSubnet', VpcId: vpcId, CidrBlock: cidr }), 'subnetId'));
  const securityGroup = value(
    await ec2({
      Action: 'CreateSecurityGroup',
      GroupName: `slipway-${randomBytes(3).toString('hex')}`,
      GroupDescription: 'one-off tasks',
      VpcId: vpcId,
    }),
    'groupId',
  );
  return { vpcId, subnets, securityGroup };
}
