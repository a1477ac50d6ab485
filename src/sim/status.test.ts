import { describe, expect, it } from 'vitest';
import { invalid, required } from './fieldErrors';
import {
  alreadyExistsStatus,
  badRequestStatus,
  conflictStatus,
  forbiddenStatus,
  invalidStatus,
  notFoundStatus,
  successStatus,
  unauthorizedStatus,
} from './status';

const PODS = { group: '', resource: 'pods' };

describe('metav1.Status bodies', () => {
  it.each([
    [
      '401',
      unauthorizedStatus(),
      '{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Unauthorized","reason":"Unauthorized","code":401}',
    ],
    [
      '403 without a name (create)',
      forbiddenStatus(PODS, '', 'User "jane" cannot create resource "pods" in API group "" in the namespace "default"'),
      '{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"pods is forbidden: User \\"jane\\" cannot create resource \\"pods\\" in API group \\"\\" in the namespace \\"default\\"","reason":"Forbidden","details":{"kind":"pods"},"code":403}',
    ],
    [
      '403 with a name (admission)',
      forbiddenStatus(PODS, 'example-pod', 'no PriorityClass with name gold was found'),
      '{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"pods \\"example-pod\\" is forbidden: no PriorityClass with name gold was found","reason":"Forbidden","details":{"name":"example-pod","kind":"pods"},"code":403}',
    ],
    [
      '404 pod',
      notFoundStatus(PODS, 'example-pod'),
      '{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"pods \\"example-pod\\" not found","reason":"NotFound","details":{"name":"example-pod","kind":"pods"},"code":404}',
    ],
    [
      '404 namespace',
      notFoundStatus({ group: '', resource: 'namespaces' }, 'foo'),
      '{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"namespaces \\"foo\\" not found","reason":"NotFound","details":{"name":"foo","kind":"namespaces"},"code":404}',
    ],
    [
      '409 already exists',
      alreadyExistsStatus(PODS, 'example-pod'),
      '{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"pods \\"example-pod\\" already exists","reason":"AlreadyExists","details":{"name":"example-pod","kind":"pods"},"code":409}',
    ],
    [
      '409 conflict',
      conflictStatus({ group: '', resource: 'pods/binding' }, 'p', 'pod p is already assigned to node "worker-1"'),
      '{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Operation cannot be fulfilled on pods/binding \\"p\\": pod p is already assigned to node \\"worker-1\\"","reason":"Conflict","details":{"name":"p","kind":"pods/binding"},"code":409}',
    ],
    [
      '400',
      badRequestStatus(
        'Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].imagee"',
      ),
      '{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Pod in version \\"v1\\" cannot be handled as a Pod: strict decoding error: unknown field \\"spec.containers[0].imagee\\"","reason":"BadRequest","code":400}',
    ],
    [
      '201 binding',
      successStatus(201),
      '{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Success","code":201}',
    ],
  ])('%s', (_name, status, json) => {
    expect(JSON.stringify(status)).toBe(json);
  });

  it('422 with one cause', () => {
    const s = invalidStatus({ group: '', kind: 'Pod' }, 'example-pod', [required('spec.containers[0].image')]);
    expect(s).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'Pod "example-pod" is invalid: spec.containers[0].image: Required value',
      reason: 'Invalid',
      details: {
        name: 'example-pod',
        kind: 'Pod',
        causes: [{ reason: 'FieldValueRequired', message: 'Required value', field: 'spec.containers[0].image' }],
      },
      code: 422,
    });
  });

  it('422 with several causes aggregates them in brackets, without duplicates', () => {
    const errs = [
      required('spec.containers[0].image'),
      invalid('spec.containers[0].ports[0].containerPort', 70000, 'must be between 1 and 65535, inclusive'),
      required('spec.containers[0].image'),
    ];
    const s = invalidStatus({ group: '', kind: 'Pod' }, 'example-pod', errs);
    expect(s.message).toBe(
      'Pod "example-pod" is invalid: [spec.containers[0].image: Required value, spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive]',
    );
    expect(s.details?.causes?.[1]).toEqual({
      reason: 'FieldValueInvalid',
      message: 'Invalid value: 70000: must be between 1 and 65535, inclusive',
      field: 'spec.containers[0].ports[0].containerPort',
    });
  });
});
