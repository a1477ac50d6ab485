/**
 * The hostile corpus: what people really paste into the editor and what an attacker crafts, each with
 * what must happen. A case either names the first diagnostic (message and line) of a text refused
 * while it is read, or the journey's outcome and kubectl's exact output (stdout and stderr lines),
 * or, for the cluster and kubeconfig texts, the refusal. Where the simulator is known to differ from
 * v1.33, `gap` says what a real cluster does; the case still must not throw or hang.
 */
import type { Trace } from '@sim';

export interface HostileCase {
  id: string;
  /** Under `corpus/`; a `.recipe.json` is expanded in code. */
  file: string;
  /** The text replaces the manifest (default), is appended to the default cluster, or replaces the kubeconfig. */
  target?: 'cluster' | 'kubeconfig';
  why: string;
  /** What v1.33 does where the simulator differs. */
  gap?: string;
  /** Time allowed for parse + preflight + run, when more than the default. */
  budgetMs?: number;
  /** Absent for a gap: the simulator's answer is not pinned where it is known to be wrong. */
  expect?:
    | {
        journey: Trace['result']['outcome'];
        /** kubectl apply's stdout and stderr, one line each. */
        output?: string;
        diagnostic?: { line: number; message: string };
        /** For a text the API server refuses: the manifest line pre-flight marks and its gate. */
        preflight?: { line: number; stage: string };
      }
    | { refused: string };
}

export const HOSTILE_CASES: readonly HostileCase[] = [
  {
    id: 'alias-bomb',
    file: 'alias-bomb.yaml',
    why: 'billion laughs: nine levels of nine aliases would expand to 387 million strings',
    expect: {
      journey: 'rejected',
      diagnostic: {
        line: 1,
        message:
          'This document expands its aliases (*name) more than 100 times; this simulator stops there, so that an alias bomb ("billion laughs") cannot freeze the page.',
      },
    },
  },
  {
    id: 'anchors-and-aliases',
    file: 'anchors-and-aliases.yaml',
    why: 'an anchor reused as another map: legal YAML, expanded before the request',
    expect: { journey: 'running', output: 'pod/web created' },
  },
  {
    id: 'annotation-emoji-rtl',
    file: 'annotation-emoji-rtl.yaml',
    why: 'emoji, Hebrew and a right-to-left override in an annotation value: any string is a valid annotation',
    expect: { journey: 'running', output: 'pod/web created' },
  },
  {
    id: 'bad-indent',
    file: 'bad-indent.yaml',
    why: 'a key indented one space less than its siblings (the most common paste error)',
    expect: {
      journey: 'rejected',
      output: 'error: error parsing pod.yaml: error converting YAML to JSON: yaml: line 4: did not find expected key',
      diagnostic: { line: 5, message: 'yaml: line 4: did not find expected key' },
    },
  },
  {
    id: 'binary-tag',
    file: 'binary-tag.yaml',
    why: 'a !!binary tag on an annotation',
    expect: { journey: 'running', output: 'pod/web created' },
  },
  {
    id: 'bom',
    file: 'bom.yaml',
    why: 'a UTF-8 byte order mark before the first key (Windows editors): go-yaml skips it',
    expect: { journey: 'running', output: 'pod/web created' },
  },
  {
    id: 'collection-key',
    file: 'collection-key.yaml',
    why: 'a flow sequence used as a mapping key',
    expect: {
      journey: 'rejected',
      output:
        'error: error parsing pod.yaml: error converting YAML to JSON: yaml: invalid map key: []interface {}{"a", "b"}',
      diagnostic: { line: 6, message: 'yaml: invalid map key: []interface {}{"a", "b"}' },
    },
  },
  {
    id: 'comments-everywhere',
    file: 'comments-everywhere.yaml',
    why: 'comments after every value and between keys',
    expect: { journey: 'running', output: 'pod/web created' },
  },
  {
    id: 'configmap-volume-tostring',
    file: 'configmap-volume-tostring.yaml',
    why: 'a ConfigMap named like an Object.prototype member: it does not exist, the volume cannot mount',
    expect: { journey: 'waiting', output: 'pod/web created' },
  },
  {
    id: 'containers-1000',
    file: 'containers-1000.recipe.json',
    why: 'a pod with 1000 containers: accepted (no API limit), the kubelet starts them one by one until the horizon; about 3.5 s alone (10 s under a loaded test run), the one case over the 2 s budget',
    budgetMs: 20_000,
    expect: { journey: 'waiting', output: 'pod/web created' },
  },
  {
    id: 'containers-is-mapping',
    file: 'containers-is-mapping.yaml',
    why: 'containers written as a mapping instead of a list: the JSON decoder refuses the body (400), before any field check',
    expect: {
      journey: 'rejected',
      output:
        'Error from server (BadRequest): error when creating "pod.yaml": Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal object into Go struct field PodSpec.spec.containers of type []v1.Container',
      preflight: { line: 6, stage: 'kube-apiserver · decoding (400)' },
    },
  },
  {
    id: 'control-character',
    file: 'control-character.yaml',
    why: 'a BEL control character inside a value',
    expect: {
      journey: 'rejected',
      output: 'error: error parsing pod.yaml: error converting YAML to JSON: yaml: control characters are not allowed',
      diagnostic: { line: 4, message: 'yaml: control characters are not allowed' },
    },
  },
  {
    id: 'cpu-garbage',
    file: 'cpu-garbage.yaml',
    why: 'a resource quantity that is not a number: resource.Quantity decodes itself and its error ends decoding (400)',
    expect: {
      journey: 'rejected',
      output:
        'Error from server (BadRequest): error when creating "pod.yaml": Pod in version "v1" cannot be handled as a Pod: quantities must match the regular expression \'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$\'',
      preflight: { line: 11, stage: 'kube-apiserver · decoding (400)' },
    },
  },
  {
    id: 'crlf',
    file: 'crlf.yaml',
    why: 'Windows line ends everywhere',
    expect: { journey: 'running', output: 'pod/web created' },
  },
  {
    id: 'custom-tag',
    file: 'custom-tag.yaml',
    why: 'an unknown local tag: go-yaml keeps the plain string',
    expect: { journey: 'running', output: 'pod/web created' },
  },
  {
    id: 'deep-10000-compact-sequences',
    file: 'deep-10000-compact-sequences.recipe.json',
    why: '10,000 nested block sequences on one line',
    expect: {
      journey: 'rejected',
      diagnostic: {
        line: 10,
        message:
          'Line 10 nests mappings and lists more than 100 levels deep; this simulator reads at most 100 levels (a Pod needs about a dozen), so that no text can freeze the page.',
      },
    },
  },
  {
    id: 'deep-10000-flow',
    file: 'deep-10000-flow.recipe.json',
    why: '10,000 nested flow sequences',
    expect: {
      journey: 'rejected',
      diagnostic: {
        line: 6,
        message:
          'Line 6 nests mappings and lists more than 100 levels deep; this simulator reads at most 100 levels (a Pod needs about a dozen), so that no text can freeze the page.',
      },
    },
  },
  {
    id: 'document-end-marker',
    file: 'document-end-marker.yaml',
    why: 'a YAML document end marker (...) after the pod',
    expect: { journey: 'running', output: 'pod/web created' },
  },
  {
    id: 'documents-101',
    file: 'documents-101.recipe.json',
    why: 'more documents than one apply reads',
    expect: {
      journey: 'rejected',
      diagnostic: {
        line: 502,
        message:
          'pod.yaml has 101 documents; this simulator reads at most 100 in one apply, so that no text can freeze the page. Document 101 starts on line 502.',
      },
    },
  },
  {
    id: 'duplicate-keys',
    file: 'duplicate-keys.yaml',
    why: 'image written twice: the last one wins, silently',
    expect: { journey: 'running', output: 'pod/web created' },
  },
  {
    id: 'empty-containers',
    file: 'empty-containers.yaml',
    why: 'an empty containers list',
    expect: { journey: 'rejected', output: 'The Pod "web" is invalid: spec.containers: Required value' },
  },
  {
    id: 'empty',
    file: 'empty.yaml',
    why: 'an empty file',
    expect: { journey: 'rejected', output: 'error: no objects passed to apply' },
  },
  {
    id: 'field-zero-width',
    file: 'field-zero-width.yaml',
    why: "a zero-width space inside a field name: Go's %q prints it as \\u200b",
    expect: {
      journey: 'rejected',
      output:
        'Error from server (BadRequest): error when creating "pod.yaml": Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].ima\\u200bge"',
    },
  },
  {
    id: 'flow-style',
    file: 'flow-style.yaml',
    why: 'the whole pod as one flow mapping',
    expect: { journey: 'running', output: 'pod/web created' },
  },
  {
    id: 'helm-template-quoted',
    file: 'helm-template-quoted.yaml',
    why: 'a quoted Helm placeholder as the image: valid YAML, an invalid image reference for the kubelet',
    expect: { journey: 'waiting', output: 'pod/web created' },
  },
  {
    id: 'helm-template',
    file: 'helm-template.yaml',
    why: 'an unrendered Helm template: {{ }} is a flow mapping inside a flow mapping',
    expect: {
      journey: 'rejected',
      output:
        'error: error parsing pod.yaml: error converting YAML to JSON: yaml: invalid map key: map[interface {}]interface {}{".Values.name":interface {}(nil)}',
      diagnostic: {
        line: 4,
        message: 'yaml: invalid map key: map[interface {}]interface {}{".Values.name":interface {}(nil)}',
      },
    },
  },
  {
    id: 'html-in-annotations-only',
    file: 'html-in-annotations-only.yaml',
    why: 'markup in annotation keys and values: any value is valid, but a key must be a qualified name (ValidateAnnotations checks it lower-cased), and `<b>key</b>` is not; shown as text, never as markup',
    expect: {
      journey: 'rejected',
      output:
        "The Pod \"web\" is invalid: \n* metadata.annotations: Invalid value: \"<b>key</b>\": prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')\n* metadata.annotations: Invalid value: \"<b>key</b>\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
      preflight: { line: 5, stage: 'kube-apiserver · validation (422)' },
    },
  },
  {
    id: 'html-in-image',
    file: 'html-in-image.yaml',
    why: 'markup as the image: the pod is stored, the kubelet cannot parse the reference',
    expect: { journey: 'waiting', output: 'pod/web created' },
  },
  {
    id: 'html-in-labels-annotations',
    file: 'html-in-labels-annotations.yaml',
    why: 'markup in a label value: refused by validation',
    expect: {
      journey: 'rejected',
      output:
        "The Pod \"web\" is invalid: metadata.labels: Invalid value: \"<script>alert(1)</script>\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
    },
  },
  {
    id: 'html-in-name',
    file: 'html-in-name.yaml',
    why: 'markup as the pod name: refused by validation',
    expect: {
      journey: 'rejected',
      output:
        "The Pod \"<img src=x onerror=alert(1)>\" is invalid: metadata.name: Invalid value: \"<img src=x onerror=alert(1)>\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    },
  },
  {
    id: 'huge-5mb',
    file: 'huge-5mb.recipe.json',
    why: 'a 5 MB manifest',
    expect: {
      journey: 'rejected',
      diagnostic: {
        line: 6,
        message:
          'pod.yaml is 5243009 bytes; this simulator reads at most 1048576 bytes (1 MiB), so that no text can freeze the page. Line 6 crosses the limit.',
      },
    },
  },
  {
    id: 'image-is-float',
    file: 'image-is-float.yaml',
    why: 'image: 1.0 reads as a number, which a Go string cannot hold (400)',
    expect: {
      journey: 'rejected',
      output:
        'Error from server (BadRequest): error when creating "pod.yaml": Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal number into Go struct field Container.spec.containers.image of type string',
      preflight: { line: 8, stage: 'kube-apiserver · decoding (400)' },
    },
  },
  {
    id: 'image-named-constructor',
    file: 'image-named-constructor.yaml',
    why: 'an image named like an Object.prototype member: an ordinary missing image',
    expect: { journey: 'waiting', output: 'pod/web created' },
  },
  {
    id: 'image-named-proto',
    file: 'image-named-proto.yaml',
    why: 'an image named __proto__: not a valid reference',
    expect: { journey: 'waiting', output: 'pod/web created' },
  },
  {
    id: 'json',
    file: 'json.yaml',
    why: 'JSON instead of YAML',
    expect: { journey: 'running', output: 'pod/web created' },
  },
  {
    id: 'label-emoji',
    file: 'label-emoji.yaml',
    why: 'an emoji label value',
    expect: {
      journey: 'rejected',
      output:
        "The Pod \"web\" is invalid: metadata.labels: Invalid value: \"🚀\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
    },
  },
  {
    id: 'label-is-boolean',
    file: 'label-is-boolean.yaml',
    why: 'a label value true without quotes: a JSON boolean in a map[string]string (400)',
    expect: {
      journey: 'rejected',
      output:
        'Error from server (BadRequest): error when creating "pod.yaml": Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal bool into Go struct field ObjectMeta.metadata.labels of type string',
      preflight: { line: 6, stage: 'kube-apiserver · decoding (400)' },
    },
  },
  {
    id: 'label-value-64-chars',
    file: 'label-value-64-chars.yaml',
    why: 'a label value one character too long',
    expect: {
      journey: 'rejected',
      output:
        'The Pod "web" is invalid: metadata.labels: Invalid value: "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb": must be no more than 63 characters',
    },
  },
  {
    id: 'lines-80000',
    file: 'lines-80000.recipe.json',
    why: 'a name written 80,000 times: under 1 MiB, but the parser would take seconds',
    expect: {
      journey: 'rejected',
      diagnostic: {
        line: 10001,
        message:
          'pod.yaml has 80004 lines; this simulator reads at most 10000, so that no text can freeze the page. Line 10001 crosses the limit.',
      },
    },
  },
  {
    id: 'list-kind',
    file: 'list-kind.yaml',
    why: 'a v1 List wrapping the pod: kubectl flattens it and applies its item',
    expect: { journey: 'running', output: 'pod/web created' },
  },
  {
    id: 'long-line-900kb',
    file: 'long-line-900kb.recipe.json',
    why: 'one 900 KB line (under the simulator bound): the annotation is over the 256 KiB that all annotations may take together',
    expect: {
      journey: 'rejected',
      output: 'The Pod "web" is invalid: metadata.annotations: Too long: may not be more than 262144 bytes',
      preflight: { line: 5, stage: 'kube-apiserver · validation (422)' },
    },
  },
  {
    id: 'lowercase-kind',
    file: 'lowercase-kind.yaml',
    why: 'kind: pod in lower case',
    expect: {
      journey: 'rejected',
      output:
        'error: resource mapping not found for name: "web" namespace: "" from "pod.yaml": no matches for kind "pod" in version "v1"\nensure CRDs are installed first',
    },
  },
  {
    id: 'mapping-value-in-plain-scalar',
    file: 'mapping-value-in-plain-scalar.yaml',
    why: 'a second colon in a plain value',
    expect: {
      journey: 'rejected',
      output:
        'error: error parsing pod.yaml: error converting YAML to JSON: yaml: line 4: mapping values are not allowed in this context',
      diagnostic: { line: 4, message: 'yaml: line 4: mapping values are not allowed in this context' },
    },
  },
  {
    id: 'merge-key',
    file: 'merge-key.yaml',
    why: 'a YAML 1.1 merge key (<<) copying a container',
    expect: { journey: 'running', output: 'pod/web created' },
  },
  {
    id: 'metadata-is-list',
    file: 'metadata-is-list.yaml',
    why: 'metadata written as a list',
    expect: {
      journey: 'rejected',
      output:
        'error: error when retrieving current configuration of:\nResource: "/v1, Resource=pods", GroupVersionKind: "/v1, Kind=Pod"\nName: "", Namespace: "default"\nfrom server for: "pod.yaml": resource name may not be empty',
    },
  },
  {
    id: 'missing-colon',
    file: 'missing-colon.yaml',
    why: 'a key without its colon',
    expect: {
      journey: 'rejected',
      output:
        'error: error parsing pod.yaml: error converting YAML to JSON: yaml: line 5: mapping values are not allowed in this context',
      diagnostic: { line: 4, message: 'yaml: line 5: mapping values are not allowed in this context' },
    },
  },
  {
    id: 'missing-kind',
    file: 'missing-kind.yaml',
    why: 'no kind at all',
    expect: {
      journey: 'rejected',
      output:
        'error: error validating "pod.yaml": error validating data: kind not set; if you choose to ignore these errors, turn validation off with --validate=false',
    },
  },
  {
    id: 'name-300-chars',
    file: 'name-300-chars.yaml',
    why: 'a 300-character name',
    expect: {
      journey: 'rejected',
      output:
        'The Pod "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" is invalid: metadata.name: Invalid value: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa": must be no more than 253 characters',
    },
  },
  {
    id: 'name-is-number',
    file: 'name-is-number.yaml',
    why: 'name: 123 reads as a number',
    expect: {
      journey: 'rejected',
      output:
        'error: error when retrieving current configuration of:\nResource: "/v1, Resource=pods", GroupVersionKind: "/v1, Kind=Pod"\nName: "", Namespace: "default"\nfrom server for: "pod.yaml": resource name may not be empty',
    },
  },
  {
    id: 'name-looks-like-date',
    file: 'name-looks-like-date.yaml',
    why: 'a name that YAML 1.1 would read as a timestamp (go-yaml v2 keeps it a string)',
    expect: { journey: 'running', output: 'pod/2001-12-14 created' },
  },
  {
    id: 'name-null',
    file: 'name-null.yaml',
    why: 'a name with no value',
    expect: {
      journey: 'rejected',
      output:
        'error: error when retrieving current configuration of:\nResource: "/v1, Resource=pods", GroupVersionKind: "/v1, Kind=Pod"\nName: "", Namespace: "default"\nfrom server for: "pod.yaml": resource name may not be empty',
    },
  },
  {
    id: 'name-rtl-unicode',
    file: 'name-rtl-unicode.yaml',
    why: 'Hebrew and Arabic in the name',
    expect: {
      journey: 'rejected',
      output:
        "The Pod \"שלום-مرحبا\" is invalid: metadata.name: Invalid value: \"שלום-مرحبا\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    },
  },
  {
    id: 'name-zero-width',
    file: 'name-zero-width.yaml',
    why: "a zero-width space at the end of the name: Go's %q prints it as \\u200b",
    expect: {
      journey: 'rejected',
      output:
        "The Pod \"web\\u200b\" is invalid: metadata.name: Invalid value: \"web\\u200b\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    },
  },
  {
    id: 'namespace-missing',
    file: 'namespace-missing.yaml',
    why: 'a namespace that does not exist',
    expect: {
      journey: 'rejected',
      output: 'Error from server (NotFound): error when creating "pod.yaml": namespaces "nope" not found',
    },
  },
  {
    id: 'namespace-named-constructor',
    file: 'namespace-named-constructor.yaml',
    why: 'a namespace named like an Object.prototype member',
    expect: {
      journey: 'rejected',
      output: 'Error from server (NotFound): error when creating "pod.yaml": namespaces "constructor" not found',
    },
  },
  {
    id: 'node-name-proto',
    file: 'node-name-proto.yaml',
    why: 'nodeName __proto__: the scheduler is bypassed, no kubelet owns that node',
    expect: { journey: 'waiting', output: 'pod/web created' },
  },
  {
    id: 'null-byte',
    file: 'null-byte.yaml',
    why: 'a NUL byte inside the image',
    expect: {
      journey: 'rejected',
      output: 'error: error parsing pod.yaml: error converting YAML to JSON: yaml: control characters are not allowed',
      diagnostic: { line: 8, message: 'yaml: control characters are not allowed' },
    },
  },
  {
    id: 'only-comments',
    file: 'only-comments.yaml',
    why: 'only comments',
    expect: { journey: 'rejected', output: 'error: no objects passed to apply' },
  },
  {
    id: 'only-separators',
    file: 'only-separators.yaml',
    why: 'only document separators',
    expect: { journey: 'rejected', output: 'error: no objects passed to apply' },
  },
  {
    id: 'port-as-string',
    file: 'port-as-string.yaml',
    why: 'a quoted containerPort: a JSON string in an int32 field (400)',
    expect: {
      journey: 'rejected',
      output:
        'Error from server (BadRequest): error when creating "pod.yaml": Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal string into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32',
      preflight: { line: 10, stage: 'kube-apiserver · decoding (400)' },
    },
  },
  {
    id: 'port-huge-number',
    file: 'port-huge-number.yaml',
    why: 'a containerPort beyond any integer type: go-yaml reads it as a float, and the decoder finds the number does not fit int32 (400)',
    expect: {
      journey: 'rejected',
      output:
        'Error from server (BadRequest): error when creating "pod.yaml": Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal number 100000000000000000000 into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32',
      preflight: { line: 10, stage: 'kube-apiserver · decoding (400)' },
    },
  },
  {
    id: 'port-negative',
    file: 'port-negative.yaml',
    why: 'a negative containerPort',
    expect: {
      journey: 'rejected',
      output:
        'The Pod "web" is invalid: spec.containers[0].ports[0].containerPort: Invalid value: -1: must be between 1 and 65535, inclusive',
    },
  },
  {
    id: 'priority-class-proto',
    file: 'priority-class-proto.yaml',
    why: 'a priorityClassName of __proto__',
    expect: {
      journey: 'rejected',
      output:
        'Error from server (Forbidden): error when creating "pod.yaml": pods "web" is forbidden: no PriorityClass with name __proto__ was found',
    },
  },
  {
    id: 'proto-annotations',
    file: 'proto-annotations.yaml',
    why: 'annotation keys named after Object.prototype members are valid keys, but `toString: y` is YAML 1.1 for true: go-yaml hands kubectl a boolean, and the API server cannot decode it into a string',
    expect: {
      journey: 'rejected',
      output:
        'Error from server (BadRequest): error when creating "pod.yaml": Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal bool into Go struct field ObjectMeta.metadata.annotations of type string',
      preflight: { line: 7, stage: 'kube-apiserver · decoding (400)' },
    },
  },
  {
    id: 'proto-keys-top-level',
    file: 'proto-keys-top-level.yaml',
    why: '__proto__ and constructor.prototype at the top level: unknown fields, never prototype pollution',
    expect: {
      journey: 'rejected',
      output:
        'Error from server (BadRequest): error when creating "pod.yaml": Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "__proto__", unknown field "constructor"',
    },
  },
  {
    id: 'proto-keys',
    file: 'proto-keys.yaml',
    why: '__proto__ as a label key and a nodeSelector key: both are label keys, validated alike (422), and neither pollutes a prototype',
    expect: {
      journey: 'rejected',
      output:
        "The Pod \"web\" is invalid: \n* metadata.labels: Invalid value: \"__proto__\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')\n* spec.nodeSelector: Invalid value: \"__proto__\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
      preflight: { line: 5, stage: 'kube-apiserver · validation (422)' },
    },
  },
  {
    id: 'scalar-document',
    file: 'scalar-document.yaml',
    why: 'a plain sentence instead of an object',
    expect: {
      journey: 'rejected',
      output:
        'error: error validating "pod.yaml": error validating data: invalid object to validate; if you choose to ignore these errors, turn validation off with --validate=false',
    },
  },
  {
    id: 'second-document-broken',
    file: 'second-document-broken.yaml',
    why: 'a YAML error in the second document: the first is applied, then kubectl reports the error',
    expect: {
      journey: 'running',
      output:
        'pod/web created\nerror: error parsing pod.yaml: error converting YAML to JSON: yaml: line 4: did not find expected key',
      diagnostic: { line: 14, message: 'yaml: line 4: did not find expected key' },
    },
  },
  {
    id: 'secret-binary-data',
    file: 'secret-binary-data.yaml',
    why: 'a Secret whose data is binary base64 and one value that is not base64',
    expect: {
      journey: 'rejected',
      output:
        'Error from server (BadRequest): error when creating "pod.yaml": Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 3',
    },
  },
  {
    id: 'separator-splits-pod',
    file: 'separator-splits-pod.yaml',
    why: 'a --- in the middle of the pod',
    expect: {
      journey: 'rejected',
      output:
        'error validating "pod.yaml": error validating data: [apiVersion not set, kind not set]; if you choose to ignore these errors, turn validation off with --validate=false\nError from server (Invalid): error when creating "pod.yaml": Pod "web" is invalid: spec.containers: Required value',
    },
  },
  {
    id: 'separator-with-text',
    file: 'separator-with-text.yaml',
    why: 'text after --- on the same line',
    expect: {
      journey: 'rejected',
      output: 'error: error parsing pod.yaml: invalid Yaml document separator: apiVersion: v1',
      diagnostic: { line: 1, message: 'invalid Yaml document separator: apiVersion: v1' },
    },
  },
  {
    id: 'sequence-item-outdented',
    file: 'sequence-item-outdented.yaml',
    why: "a container field outdented to the list's column: it becomes a field of spec",
    expect: {
      journey: 'rejected',
      output:
        'Error from server (BadRequest): error when creating "pod.yaml": Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.image"',
    },
  },
  {
    id: 'service-account-constructor',
    file: 'service-account-constructor.yaml',
    why: 'serviceAccountName constructor',
    expect: {
      journey: 'rejected',
      output:
        'Error from server (Forbidden): error when creating "pod.yaml": pods "web" is forbidden: error looking up service account default/constructor: serviceaccount "constructor" not found',
    },
  },
  {
    id: 'stray-dash',
    file: 'stray-dash.yaml',
    why: 'a list item inside a mapping',
    expect: {
      journey: 'rejected',
      output: 'error: error parsing pod.yaml: error converting YAML to JSON: yaml: line 4: did not find expected key',
      diagnostic: { line: 5, message: 'yaml: line 4: did not find expected key' },
    },
  },
  {
    id: 'tab-after-value',
    file: 'tab-after-value.yaml',
    why: 'a tab between a value and its comment: allowed',
    expect: { journey: 'running', output: 'pod/web created' },
  },
  {
    id: 'tab-indent',
    file: 'tab-indent.yaml',
    why: 'a tab used for indentation',
    expect: {
      journey: 'rejected',
      output:
        'error: error parsing pod.yaml: error converting YAML to JSON: yaml: line 4: found character that cannot start any token',
      diagnostic: { line: 4, message: 'yaml: line 4: found character that cannot start any token' },
    },
  },
  {
    id: 'top-level-list',
    file: 'top-level-list.yaml',
    why: 'a YAML list at the top level',
    expect: {
      journey: 'rejected',
      output:
        'error: error validating "pod.yaml": error validating data: invalid object to validate; if you choose to ignore these errors, turn validation off with --validate=false',
    },
  },
  {
    id: 'two-pods',
    file: 'two-pods.yaml',
    why: 'two pods in one file',
    expect: { journey: 'running', output: 'pod/web created\npod/api created' },
  },
  {
    id: 'unclosed-double-quote',
    file: 'unclosed-double-quote.yaml',
    why: 'an unterminated double-quoted string',
    expect: {
      journey: 'rejected',
      output:
        'error: error parsing pod.yaml: error converting YAML to JSON: yaml: line 9: found unexpected end of stream',
      diagnostic: { line: 4, message: 'yaml: line 9: found unexpected end of stream' },
    },
  },
  {
    id: 'unclosed-flow-mapping',
    file: 'unclosed-flow-mapping.yaml',
    why: 'an unterminated flow mapping',
    expect: {
      journey: 'rejected',
      output:
        "error: error parsing pod.yaml: error converting YAML to JSON: yaml: line 9: did not find expected ',' or '}'",
      diagnostic: { line: 6, message: "yaml: line 9: did not find expected ',' or '}'" },
    },
  },
  {
    id: 'unclosed-flow-sequence',
    file: 'unclosed-flow-sequence.yaml',
    why: 'an unterminated flow sequence',
    expect: {
      journey: 'rejected',
      output:
        "error: error parsing pod.yaml: error converting YAML to JSON: yaml: line 9: did not find expected ',' or ']'",
      diagnostic: { line: 10, message: "yaml: line 9: did not find expected ',' or ']'" },
    },
  },
  {
    id: 'unclosed-single-quote',
    file: 'unclosed-single-quote.yaml',
    why: 'an unterminated single-quoted string',
    expect: {
      journey: 'rejected',
      output:
        'error: error parsing pod.yaml: error converting YAML to JSON: yaml: line 9: found unexpected end of stream',
      diagnostic: { line: 8, message: 'yaml: line 9: found unexpected end of stream' },
    },
  },
  {
    id: 'unknown-anchor',
    file: 'unknown-anchor.yaml',
    why: 'an alias to an anchor that does not exist',
    expect: {
      journey: 'rejected',
      output: "error: error parsing pod.yaml: error converting YAML to JSON: yaml: unknown anchor 'labels' referenced",
      diagnostic: { line: 1, message: "yaml: unknown anchor 'labels' referenced" },
    },
  },
  {
    id: 'unknown-escape',
    file: 'unknown-escape.yaml',
    why: 'an escape sequence YAML does not know (\\\\q)',
    expect: {
      journey: 'rejected',
      output:
        'error: error parsing pod.yaml: error converting YAML to JSON: yaml: line 8: found unknown escape character',
      diagnostic: { line: 8, message: 'yaml: line 8: found unknown escape character' },
    },
  },
  {
    id: 'unknown-kind',
    file: 'unknown-kind.yaml',
    why: 'a kind no API serves',
    expect: {
      journey: 'rejected',
      output:
        'error: resource mapping not found for name: "web" namespace: "" from "pod.yaml": no matches for kind "Banana" in version "v1"\nensure CRDs are installed first',
    },
  },
  {
    id: 'windows-path-escapes',
    file: 'windows-path-escapes.yaml',
    why: 'backslashes escaped in a double-quoted Windows path',
    expect: { journey: 'running', output: 'pod/web created' },
  },
  {
    id: 'wrong-api-version',
    file: 'wrong-api-version.yaml',
    why: 'apiVersion v2',
    expect: {
      journey: 'rejected',
      output:
        'error: resource mapping not found for name: "web" namespace: "" from "pod.yaml": no matches for kind "Pod" in version "v2"\nensure CRDs are installed first',
    },
  },
  {
    id: 'wrong-kind-for-version',
    file: 'wrong-kind-for-version.yaml',
    why: 'kind Deployment with apiVersion v1',
    expect: {
      journey: 'rejected',
      output:
        'error: resource mapping not found for name: "web" namespace: "" from "pod.yaml": no matches for kind "Deployment" in version "v1"\nensure CRDs are installed first',
    },
  },
  {
    id: 'yaml11-infinity',
    file: 'yaml11-infinity.yaml',
    why: 'YAML 1.1 .inf as a quantity: JSON has no infinity, so kubectl cannot convert the document and sends nothing',
    expect: {
      journey: 'rejected',
      output: 'error: error parsing pod.yaml: error converting YAML to JSON: json: unsupported value: +Inf',
      diagnostic: { line: 11, message: 'json: unsupported value: +Inf' },
    },
  },
  {
    id: 'yaml11-octal-mode',
    file: 'yaml11-octal-mode.yaml',
    why: 'YAML 1.1 octal 0755 as a volume mode (493)',
    expect: { journey: 'running', output: 'pod/web created' },
  },
  {
    id: 'yaml11-on-yes',
    file: 'yaml11-on-yes.yaml',
    why: 'YAML 1.1 on: yes as a label: key and value are both booleans; the key becomes "true", the value stays a boolean the API cannot decode (400)',
    expect: {
      journey: 'rejected',
      output:
        'Error from server (BadRequest): error when creating "pod.yaml": Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal bool into Go struct field ObjectMeta.metadata.labels of type string',
      preflight: { line: 6, stage: 'kube-apiserver · decoding (400)' },
    },
  },
  {
    id: 'cluster-alias-bomb',
    file: 'cluster/alias-bomb.yaml',
    target: 'cluster',
    why: 'an alias bomb in a ConfigMap of the cluster',
    expect: {
      refused:
        'cluster.yaml has an error, line 1001: This document expands its aliases (*name) more than 100 times; this simulator stops there, so that an alias bomb ("billion laughs") cannot freeze the page.',
    },
  },
  {
    id: 'cluster-html-namespace',
    file: 'cluster/html-namespace.yaml',
    target: 'cluster',
    why: 'markup as a namespace name in the cluster text',
    expect: { journey: 'running', output: 'pod/example-pod created' },
  },
  {
    id: 'cluster-node-garbage-capacity',
    file: 'cluster/node-garbage-capacity.yaml',
    target: 'cluster',
    why: 'a Node whose capacity is not a quantity',
    expect: {
      refused:
        "cluster.yaml has an error, line 1007: Cluster: status.capacity.cpu: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
    },
  },
  {
    id: 'cluster-proto-labels',
    file: 'cluster/proto-labels.yaml',
    target: 'cluster',
    why: '__proto__ and constructor as labels of a cluster Namespace',
    expect: { journey: 'running', output: 'pod/example-pod created' },
  },
  {
    id: 'cluster-syntax-error',
    file: 'cluster/syntax-error.yaml',
    target: 'cluster',
    why: 'a YAML error in an appended cluster document',
    expect: { refused: 'cluster.yaml has an error, line 1005: yaml: line 4: did not find expected key' },
  },
  {
    id: 'kubeconfig-empty',
    file: 'kubeconfig/empty.yaml',
    target: 'kubeconfig',
    why: 'an empty kubeconfig: kubectl has no server to talk to',
    expect: {
      refused:
        'kubeconfig has an error, line 1: the kubeconfig is empty: kubectl has no server, falls back to http://localhost:8080 where no API server listens, and its first request fails: error validating data: failed to download openapi: Get "http://localhost:8080/openapi/v2?timeout=32s": dial tcp [::1]:8080: connect: connection refused',
    },
  },
  {
    id: 'kubeconfig-proto-keys',
    file: 'kubeconfig/proto-keys.yaml',
    target: 'kubeconfig',
    why: 'a kubeconfig whose names are Object.prototype members',
    expect: { refused: 'kubeconfig has an error, line 8: cluster "constructor" was not found for context "__proto__"' },
  },
  {
    id: 'kubeconfig-scalar',
    file: 'kubeconfig/scalar.yaml',
    target: 'kubeconfig',
    why: 'a kubeconfig that is a plain sentence',
    expect: {
      refused:
        'kubeconfig has an error, line 1: a kubeconfig is a mapping: apiVersion, kind, clusters, contexts, users, current-context',
    },
  },
  {
    id: 'kubeconfig-syntax-error',
    file: 'kubeconfig/syntax-error.yaml',
    target: 'kubeconfig',
    why: 'a YAML error in the kubeconfig',
    expect: { refused: 'kubeconfig has an error, line 5: yaml: line 4: did not find expected key' },
  },
  {
    id: 'cluster-deep-flow',
    file: 'cluster/deep-flow.recipe.json',
    target: 'cluster',
    why: 'a cluster label nesting 10,000 flow sequences: the depth bound applies to the cluster text too',
    expect: {
      refused:
        'cluster.yaml has an error, line 1006: Line 1006 nests mappings and lists more than 100 levels deep; this simulator reads at most 100 levels (a Pod needs about a dozen), so that no text can freeze the page.',
    },
  },
  {
    id: 'kubeconfig-huge-2mb',
    file: 'kubeconfig/huge-2mb.recipe.json',
    target: 'kubeconfig',
    why: 'a 2 MB token: the size bound applies to the kubeconfig too',
    expect: {
      refused:
        'kubeconfig has an error, line 6: kubeconfig is 2000068 bytes; this simulator reads at most 1048576 bytes (1 MiB), so that no text can freeze the page. Line 6 crosses the limit.',
    },
  },
];
