/** Which handler serves a request, and how much of it the trace shows. */
import { mappingOfResource, notFoundStatus, type ComponentId } from '@sim';
import { BIND_POD } from './binding';
import { CREATE_POD } from './createPod';
import { CREATE_EVENT, PATCH_EVENT } from './events';
import { GET_OBJECT } from './getPod';
import { CREATE_OBJECT } from './objects';
import { PATCH_OBJECT } from './patch';
import { PATCH_POD_STATUS } from './podStatus';
import { GATE_MS, authenticate, authorize, reject, type Recording, type Stage } from './pipeline';
import type { RequestInfo } from './requestInfo';

/** A path no handler here serves: 404 as for an unregistered resource (the generic NotFound response). */
const unknownResource: Stage = (state) => {
  const status = {
    ...notFoundStatus({ group: state.info.apiGroup, resource: state.info.resource }, state.info.name),
    message: 'the server could not find the requested resource',
  };
  return reject(state, status, undefined, GATE_MS.handler);
};

export function routeFor(info: RequestInfo, client: ComponentId): { stages: readonly Stage[]; recording: Recording } {
  // The person's requests are shown gate by gate; the components' compactly.
  const person: Recording = client === 'kubectl' ? 'full' : 'compact';
  const pods = info.resourceRequest && info.apiGroup === '' && info.resource === 'pods';
  if (pods && info.subresource === '' && info.verb === 'create') return { stages: CREATE_POD, recording: person };
  // the other kinds kubectl may apply, and GET/PATCH of any simulated kind (pods included)
  const simulated = info.resourceRequest && info.subresource === '' && mappingOfResource(info.apiGroup, info.resource);
  if (simulated && info.verb === 'create') return { stages: CREATE_OBJECT, recording: person };
  if (simulated && info.verb === 'get') return { stages: GET_OBJECT, recording: person };
  if (simulated && info.verb === 'patch') return { stages: PATCH_OBJECT, recording: person };
  if (pods && info.subresource === 'binding' && info.verb === 'create') return { stages: BIND_POD, recording: person };
  if (pods && info.subresource === 'status' && info.verb === 'patch')
    return { stages: PATCH_POD_STATUS, recording: person };
  const events =
    info.resourceRequest && info.resource === 'events' && (info.apiGroup === '' || info.apiGroup === 'events.k8s.io');
  if (events && info.verb === 'create') return { stages: CREATE_EVENT, recording: 'silent' };
  if (events && info.verb === 'patch') return { stages: PATCH_EVENT, recording: 'silent' };
  return { stages: [authenticate, authorize, unknownResource], recording: person };
}
