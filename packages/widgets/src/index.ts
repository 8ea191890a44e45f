// Public surface; features arrive with their issues (see docs/architecture.md).
export {};
