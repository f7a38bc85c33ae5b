/** Excel's own errors, as the fake raises them. */

export class FakeApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
  }
}

/** Excel's own error for a member the host's version does not have. */
export function apiNotFound(member: string, needed: string, level: string): FakeApiError {
  return new FakeApiError(
    'ApiNotFound',
    `The API you are trying to use could not be found. It may be available in a newer version of Excel. Please refer to the documentation: "Excel JavaScript API requirement sets" for more information. (${member} needs ExcelApi ${needed}; this Excel has ExcelApi ${level})`,
  );
}
