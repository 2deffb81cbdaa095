package dev.descent.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.api.support.ApiTestBase;
import dev.descent.api.support.ExternalCommand;
import dev.descent.api.support.TestKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code examples/notebook.ipynb} executed top to bottom by Jupyter (nbconvert, a kernel on Debian's python3 with the
 * client package installed from clients/python) against this running service: two iris runs, their curves and a
 * comparison. {@code .ci/notebook-test.sh} installs its tools with apt when missing and never skips; the executed
 * notebook, figures included, lands in api/target/notebook.
 */
class NotebookTests extends ApiTestBase {
  private static final String BROKEN_NOTEBOOK = """
      {"cells": [
        {"cell_type": "code", "execution_count": null, "id": "fine", "metadata": {}, "outputs": [],
         "source": ["from descent_client import Client\\n", "print('before')"]},
        {"cell_type": "code", "execution_count": null, "id": "broken", "metadata": {}, "outputs": [],
         "source": ["raise RuntimeError('a broken cell')"]},
        {"cell_type": "code", "execution_count": null, "id": "after", "metadata": {}, "outputs": [],
         "source": ["print('after')"]}],
       "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
       "nbformat": 4, "nbformat_minor": 5}
      """;

  @Test
  void theExampleNotebookRunsToTheEnd() throws Exception {
    ExternalCommand.Result result = notebook(List.of(), "notebook-test.log");
    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).containsPattern("(?m)^notebook: [1-9]\\d* code cells executed, [1-9]\\d* figures, "
        + "0 unexecuted$");
    assertThat(Path.of("target", "notebook", "notebook.ipynb")).content().contains("\"image/png\"", "SUCCEEDED");
  }

  @Test
  void aCellThatRaisesFailsTheRun() throws Exception {
    Path broken = Path.of("target", "notebook-broken", "broken.ipynb");
    Files.createDirectories(broken.getParent());
    Files.writeString(broken, BROKEN_NOTEBOOK);
    ExternalCommand.Result result = notebook(List.of("api/" + broken), "notebook-broken-test.log");
    assertThat(result.exitCode()).as(result.output()).isNotZero();
    assertThat(result.output()).contains("CellExecutionError", "RuntimeError: a broken cell")
        .doesNotContain("code cells executed");
  }

  private ExternalCommand.Result notebook(List<String> arguments, String log) throws Exception {
    List<String> command = new ArrayList<>(List.of("bash", ".ci/notebook-test.sh"));
    command.addAll(arguments);
    return ExternalCommand.run(command,
        Map.of("DESCENT_URL", "http://localhost:" + port, "DESCENT_API_KEY", TestKeys.ADMIN),
        Path.of("target", log), Duration.ofMinutes(10));
  }
}
