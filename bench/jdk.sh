# Sourced by the bench scripts (after they set $root): the JDK 21+ that the launcher finds
# (JAVA_HOME, java on PATH, then /usr/lib/jvm), or the launcher's message and exit 1 when none is there.
JAVA_HOME="$("$root/paperboy" java-home)" || exit 1
export JAVA_HOME
if [ "$("$JAVA_HOME/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p')" -ge 23 ]; then
  # Maven's Guice still reaches for sun.misc.Unsafe: quiet on JDK 23+, as the launcher does
  export MAVEN_OPTS="--sun-misc-unsafe-memory-access=allow ${MAVEN_OPTS:-}"
fi
