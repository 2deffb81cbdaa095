package dev.descent.api.web;

import dev.descent.api.dataset.DatasetFileStore;
import dev.descent.api.dataset.StoredFile;
import dev.descent.api.dataset.UploadTooLargeException;
import dev.descent.api.web.generated.DatasetsApi;
import dev.descent.api.web.generated.model.DatasetFile;
import dev.descent.api.web.generated.model.DatasetFileList;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/**
 * Upload, list and delete the files of the user data folder (openapi.yaml, tag {@code datasets}). The body arrives as a
 * stream ({@link StreamingUploadReader}), never buffered in memory; a declared {@code Content-Length} over the limit
 * is refused before reading.
 */
@RestController
record DatasetsController(DatasetFileStore files, HttpServletRequest request) implements DatasetsApi {
  @Override
  public ResponseEntity<DatasetFileList> listDatasetFiles() {
    return ResponseEntity.ok(new DatasetFileList(files.list().stream().map(DatasetsController::toDto).toList()));
  }

  @Override
  public ResponseEntity<DatasetFile> uploadDatasetFile(String name, Resource body, Boolean overwrite) {
    return upload(null, name, body, overwrite);
  }

  @Override
  public ResponseEntity<DatasetFile> uploadDatasetFileInFolder(String folder, String name, Resource body,
      Boolean overwrite) {
    return upload(folder, name, body, overwrite);
  }

  @Override
  public ResponseEntity<Void> deleteDatasetFile(String name) {
    files.delete(null, name);
    return ResponseEntity.noContent().build();
  }

  @Override
  public ResponseEntity<Void> deleteDatasetFileInFolder(String folder, String name) {
    files.delete(folder, name);
    return ResponseEntity.noContent().build();
  }

  private ResponseEntity<DatasetFile> upload(String folder, String name, Resource body, Boolean overwrite) {
    if (request.getContentLengthLong() > files.maxBytes()) {
      throw new UploadTooLargeException(files.maxBytes());
    }
    StoredFile stored;
    try (InputStream in = body.getInputStream()) {
      stored = files.store(folder, name, in, Boolean.TRUE.equals(overwrite));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!stored.created()) {
      return ResponseEntity.ok(toDto(stored));
    }
    return ResponseEntity.created(URI.create("/api/v1/datasets/files/" + stored.name())).body(toDto(stored));
  }

  private static DatasetFile toDto(StoredFile file) {
    return new DatasetFile(file.name(), file.size(), file.sha256());
  }
}
