import { junitReport } from './junit.js';
import type { Locator } from './locate.js';
import { nunitReport } from './nunit.js';
import { ReportError, type TestReport } from './test-report.js';
import { trxReport } from './trx.js';
import { readXml } from './xml.js';
import { xunitReport } from './xunit.js';

export { fsLocator } from './locate.js';
export { ReportError, totals } from './test-report.js';

/**
 * Reads one test report of any supported format, chosen by its root element. Throws ReportError for a file
 * that is empty, cut off, not well formed, of another kind, or whose header counts contradict its tests.
 */
export function readReport(xml: string, file: string, loc: Locator): TestReport {
  const { root, node } = readXml(xml, file);
  switch (root) {
    case 'testsuites':
    case 'testsuite':
      return junitReport(root, node, file, loc);
    case 'test-run':
      return nunitReport(node, file, loc);
    case 'assemblies':
      return xunitReport(node, file, loc);
    case 'TestRun':
      return trxReport(node, file, loc);
    default:
      throw new ReportError(
        file,
        `${file} is not a test report: its root element is <${root}>. Read are JUnit XML (<testsuites>, <testsuite>), NUnit 3 (<test-run>), xUnit.net v2 (<assemblies>) and MSTest TRX (<TestRun>)`,
      );
  }
}
