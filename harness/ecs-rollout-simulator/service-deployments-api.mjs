// The Service Deployments API over the modelled deployments: ListServiceDeployments,
// DescribeServiceDeployments, DescribeServiceRevisions, ContinueServiceDeployment (lifecycle hooks of the
// staged strategies) and StopServiceDeployment (ROLLBACK or ABORT). With `config.serviceDeploymentsApi`
// false every one answers UnknownOperationException, like an endpoint without the API.
// Each handler: (req, payload, rawBody) -> response.
import { epoch, now } from './basics.mjs';
import {
  awsError,
  json,
  serviceDeploymentSummary,
  serviceDeploymentView,
  serviceRevisionView,
} from './api-views.mjs';
import { serviceKey } from './service-model.mjs';

export function createServiceDeploymentsApi({ region, services, config, rollout }) {
  const { advance } = rollout;
  const notFound = () =>
    awsError(400, 'ServiceDeploymentNotFoundException', 'The service deployment does not exist.');

  /** The service deployment with this ARN and its service, playing each service's due steps on the way. */
  function findServiceDeployment(arn) {
    for (const svc of services.values()) {
      advance(svc);
      const d = svc.history.find((x) => x.sdArn === arn);
      if (d) return { svc, d };
    }
    return undefined;
  }

  /** Each ARN looked up in every service (`lookup` answers its view or undefined); unknown ARNs are MISSING. */
  function describeEach(arns, lookup) {
    const found = [];
    const failures = [];
    for (const arn of arns ?? []) {
      let hit;
      for (const svc of services.values()) {
        advance(svc);
        hit = lookup(svc, arn) ?? hit;
      }
      if (hit) found.push(hit);
      else failures.push({ arn, reason: 'MISSING' });
    }
    return { found, failures };
  }

  function listServiceDeployments(req, payload) {
    const svc = services.get(serviceKey(payload.cluster, payload.service));
    if (!svc) return awsError(400, 'ServiceNotFoundException', 'The specified service was not found.');
    advance(svc);
    const since = payload.createdAt?.after;
    let list = svc.history.filter((d) => !since || epoch(d.createdAt) >= since);
    if (payload.status?.length) list = list.filter((d) => payload.status.includes(d.sdStatus));
    return json(200, { serviceDeployments: list.map((d) => serviceDeploymentSummary(region, svc, d)) });
  }

  function describeServiceDeployments(req, payload) {
    const { found, failures } = describeEach(payload.serviceDeploymentArns, (svc, arn) => {
      const d = svc.history.find((x) => x.sdArn === arn);
      return d ? serviceDeploymentView(region, svc, d) : undefined;
    });
    return json(200, { serviceDeployments: found, failures });
  }

  function describeServiceRevisions(req, payload) {
    const { found, failures } = describeEach(payload.serviceRevisionArns, (svc, arn) => {
      const d = [...svc.history, ...svc.rollbacks].find((x) => x.revisionArn === arn);
      return d ? serviceRevisionView(region, svc, d) : undefined;
    });
    return json(200, { serviceRevisions: found, failures });
  }

  function continueServiceDeployment(req, payload) {
    const hit = findServiceDeployment(payload.serviceDeploymentArn);
    if (!hit) return notFound();
    const problem = rollout.staged.continueHook(hit.svc, hit.d, payload.hookId, payload.action, now());
    if (problem) return awsError(400, 'InvalidParameterException', problem);
    return json(200, { serviceDeploymentArn: hit.d.sdArn });
  }

  function stopServiceDeployment(req, payload) {
    const hit = findServiceDeployment(payload.serviceDeploymentArn);
    if (!hit) return notFound();
    const { svc, d } = hit;
    if (d.sdStatus !== 'IN_PROGRESS' && d.sdStatus !== 'PENDING') {
      return awsError(
        400,
        'ConflictException',
        `The service deployment is in status ${d.sdStatus} and cannot be stopped.`,
      );
    }
    rollout.stopDeployment(svc, d, payload.stopType ?? 'ROLLBACK');
    return json(200, { serviceDeploymentArn: d.sdArn });
  }

  const handlers = {
    ListServiceDeployments: listServiceDeployments,
    DescribeServiceDeployments: describeServiceDeployments,
    DescribeServiceRevisions: describeServiceRevisions,
    ContinueServiceDeployment: continueServiceDeployment,
    StopServiceDeployment: stopServiceDeployment,
  };
  /** Every handler first checks that the API is switched on. */
  return Object.fromEntries(
    Object.entries(handlers).map(([op, handle]) => [
      op,
      async (req, payload, rawBody) =>
        config.serviceDeploymentsApi
          ? handle(req, payload, rawBody)
          : awsError(400, 'UnknownOperationException', ''),
    ]),
  );
}
