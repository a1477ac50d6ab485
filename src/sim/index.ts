// The sim layer's public surface. Other layers import only from here ('@sim').
export * from './trace';
export * from './scenario';
export * from './random';
export * from './quantity';
export * from './printers';
export * from './scheduler';
export * from './kubelet';
export * from './narration/scheduler';
export * from './narration/kubelet';
export * from './manifest';
export * from './diff';
export * from './status';
export {
  aggregateMessage,
  errorBody,
  fieldErrorString,
  goQuote,
  type FieldError,
  type FieldErrorType,
} from './fieldErrors';
export * from './apiResources';
export * from './authn';
export * from './rbac';
export * from './authz';
export * from './fieldSelector';
export * from './defaults';
export * from './podFields';
export * from './admission';
export * from './validation';
export * from './podCreate';
export * from './managedFields';
export * from './strategicMergePatch';
export * from './kubectl';
export * as kubectlNarration from './narration/kubectl';
export * as apiserverNarration from './narration/apiserver';
export * as etcdNarration from './narration/etcd';
export * from './canonical';
export * from './x509';
export * from './clusterYaml';
export * from './kubeconfig';
export * from './objects';
export * from './scenarioSource';
export * from './preflight';
export * from './podDecode';
