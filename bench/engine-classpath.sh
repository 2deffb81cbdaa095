# Shell function the engine benchmarks share (source it): compiles the engine's test classes and prints their
# classpath (test classes, classes, every test-scope dependency). Online: a fresh local repository lacks plugins.
engine_test_classpath() {
  local file
  file=$(mktemp)
  mvn -B -q -pl engine test-compile >&2
  mvn -B -q -pl engine dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$file" >&2
  echo "engine/target/test-classes:engine/target/classes:$(cat "$file")"
  rm -f "$file"
}
