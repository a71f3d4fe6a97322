// The staged ECS deployment strategies (BLUE_GREEN, LINEAR, CANARY) of the rollout simulator now live in
// ecs-sim/staged-strategies.mjs; this path keeps its exports for importers.
export { STAGED, STAGES, stagedStrategies, trafficSteps } from './ecs-sim/staged-strategies.mjs';
