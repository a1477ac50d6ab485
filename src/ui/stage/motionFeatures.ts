// framer-motion's animation features, in their own chunk: LazyMotion loads them after first paint
// (STACK-NOTES §4: the dynamic import must point at a separate module to split).
export { domAnimation as default } from 'framer-motion';
