# Sourced by the bench scripts (after they set $root): the JDK 21+ that the launcher finds
# (JAVA_HOME, java on PATH, then /usr/lib/jvm), or the launcher's message and exit 1 when none is there.
JAVA_HOME="$("$root/paperboy" java-home)" || exit 1
export JAVA_HOME
