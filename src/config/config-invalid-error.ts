import { FaultlineError } from '../errors/faultline-error.ts';
import { type InputIssue, issuesMessage } from './yaml/input-issue.ts';

/** faultline.config.yaml is invalid; carries every issue with its position. */
export class ConfigInvalidError extends FaultlineError {
  readonly issues: InputIssue[];

  constructor(issues: InputIssue[]) {
    super(
      'FAULTLINE_CONFIG_INVALID',
      issuesMessage('the service registry', issues, 'docs/scenario-format.md'),
    );
    this.issues = issues;
  }
}
