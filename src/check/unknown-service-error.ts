import { FaultlineError } from '../errors/faultline-error.ts';

/** `faultline check --service NAME` names no service of the registry. */
export class UnknownServiceError extends FaultlineError {
  constructor(name: string, known: string[]) {
    super(
      'FAULTLINE_SERVICE_NOT_FOUND',
      `Failed to check service "${name}": faultline.config.yaml has no such service. Use one of: ${known.join(', ')}.`,
    );
  }
}
