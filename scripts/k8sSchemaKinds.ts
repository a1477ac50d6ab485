/**
 * The kinds the editor's schema describes, as the kubernetes-models 4.5.1 interfaces (generated from the
 * Kubernetes 1.33 OpenAPI). Read only by the schema generator (scripts/k8sSchema.ts): the union becomes
 * the schema's `anyOf`, one alternative per kind, told apart by their `apiVersion` and `kind` consts.
 * Pod first; then the kinds the cluster tab holds; then the controllers whose pod templates the gallery shows.
 */
import type { IPod } from 'kubernetes-models/v1/Pod';
import type { INode } from 'kubernetes-models/v1/Node';
import type { INamespace } from 'kubernetes-models/v1/Namespace';
import type { IServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { ISecret } from 'kubernetes-models/v1/Secret';
import type { IResourceQuota } from 'kubernetes-models/v1/ResourceQuota';
import type { ILimitRange } from 'kubernetes-models/v1/LimitRange';
import type { IPersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
import type { IPersistentVolume } from 'kubernetes-models/v1/PersistentVolume';
import type { IRole } from 'kubernetes-models/rbac.authorization.k8s.io/v1/Role';
import type { IClusterRole } from 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRole';
import type { IRoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1/RoleBinding';
import type { IClusterRoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRoleBinding';
import type { IPriorityClass } from 'kubernetes-models/scheduling.k8s.io/v1/PriorityClass';
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IReplicaSet } from 'kubernetes-models/apps/v1/ReplicaSet';
import type { IJob } from 'kubernetes-models/batch/v1/Job';

export type PodJourneyObject =
  | IPod
  | INode
  | INamespace
  | IServiceAccount
  | IConfigMap
  | ISecret
  | IResourceQuota
  | ILimitRange
  | IPersistentVolumeClaim
  | IPersistentVolume
  | IRole
  | IClusterRole
  | IRoleBinding
  | IClusterRoleBinding
  | IPriorityClass
  | IDeployment
  | IReplicaSet
  | IJob;
