// The ECS service and task operations the simulator answers itself after (or instead of) moto:
// CreateService and UpdateService (moto applies them; the simulator keeps what moto drops and starts the
// modelled deployment), DescribeServices (moto's answer overlaid), ListTasks and DescribeTasks for the
// services' own tasks (other tasks go to moto). Each handler: (req, payload, rawBody) -> response.
import { json, serviceView, taskView } from './api-views.mjs';
import { clusterName, scenarioFromImages, serviceKey, withoutBreaker } from './service-model.mjs';

export function createServiceHandlers({ services, nextScenario, moto, model, rollout }) {
  const { forward, motoCall, containerInfo } = moto;
  const { advance } = rollout;

  /** The service as the simulator answers it now (due steps played first). */
  function overlay(serviceJson, svc) {
    advance(svc);
    return serviceView(serviceJson, svc);
  }

  /** Services created straight in moto (not through the simulator) are adopted when first seen. */
  async function ensureTracked(req, cluster, service) {
    const k = serviceKey(cluster, service);
    if (services.has(k)) return services.get(k);
    const r = await motoCall(req, 'DescribeServices', { cluster, services: [service] });
    const found = r.json.services?.[0];
    if (!found || found.status !== 'ACTIVE') return undefined;
    const svc = model.track(clusterName(cluster), found, undefined);
    svc.names.set(found.taskDefinition, (await containerInfo(req, found.taskDefinition)).names);
    return svc;
  }

  async function createService(req, payload, rawBody) {
    const res = await forward(req, rawBody);
    if (res.status !== 200) return res;
    const body = JSON.parse(res.body);
    const svc = model.track(
      clusterName(payload.cluster),
      body.service,
      payload.deploymentConfiguration?.deploymentCircuitBreaker,
    );
    svc.capacityProviderStrategy = payload.capacityProviderStrategy;
    svc.config = withoutBreaker(payload.deploymentConfiguration);
    if (payload.deploymentController) svc.controller = payload.deploymentController;
    svc.names.set(body.service.taskDefinition, (await containerInfo(req, body.service.taskDefinition)).names);
    svc.history = [...svc.deployments];
    return json(200, { service: overlay(body.service, svc) });
  }

  async function updateService(req, payload, rawBody) {
    const svc = await ensureTracked(req, payload.cluster, payload.service);
    const res = await forward(req, rawBody);
    if (res.status !== 200 || !svc) return res;
    const body = JSON.parse(res.body);
    advance(svc);
    const breaker = payload.deploymentConfiguration?.deploymentCircuitBreaker;
    if (breaker) svc.breaker = { enable: Boolean(breaker.enable), rollback: Boolean(breaker.rollback) };
    if (payload.deploymentConfiguration)
      svc.config = { ...svc.config, ...withoutBreaker(payload.deploymentConfiguration) };
    if (payload.desiredCount !== undefined) svc.desiredCount = payload.desiredCount;
    const td = body.service.taskDefinition;
    const primary = svc.deployments.find((d) => d.status === 'PRIMARY');
    const changed = payload.taskDefinition !== undefined && td !== primary?.taskDefinition;
    if (changed || payload.forceNewDeployment) {
      const info = await containerInfo(req, td);
      svc.names.set(td, info.names);
      const queued = nextScenario.get(svc.name)?.shift();
      rollout.startDeployment(svc, primary, td, queued ?? { scenario: scenarioFromImages(info.images) });
    }
    return json(200, { service: overlay(body.service, svc) });
  }

  async function describeServices(req, payload, rawBody) {
    const res = await forward(req, rawBody);
    if (res.status !== 200) return res;
    const body = JSON.parse(res.body);
    const out = [];
    for (const s of body.services ?? []) {
      const svc =
        s.status === 'ACTIVE' ? await ensureTracked(req, payload.cluster, s.serviceName) : undefined;
      out.push(svc ? overlay(s, svc) : s);
    }
    body.services = out;
    return json(200, body);
  }

  async function listTasks(req, payload, rawBody) {
    const svc = payload.serviceName
      ? services.get(serviceKey(payload.cluster, payload.serviceName))
      : undefined;
    if (!svc) return forward(req, rawBody);
    advance(svc);
    const want = payload.desiredStatus ?? 'RUNNING';
    const tasks = svc.tasks.filter(
      (t) => t.desiredStatus === want && (!payload.startedBy || t.startedBy === payload.startedBy),
    );
    return json(200, { taskArns: tasks.slice(-100).map((t) => t.taskArn) });
  }

  async function describeTasks(req, payload, rawBody) {
    const mine = [];
    for (const svc of services.values()) {
      advance(svc);
      for (const t of svc.tasks) if ((payload.tasks ?? []).includes(t.taskArn)) mine.push(t);
    }
    if (mine.length === 0) return forward(req, rawBody);
    return json(200, { tasks: mine.map(taskView), failures: [] });
  }

  return {
    CreateService: createService,
    UpdateService: updateService,
    DescribeServices: describeServices,
    ListTasks: listTasks,
    DescribeTasks: describeTasks,
  };
}
