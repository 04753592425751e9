package dev.weft.engine;

import dev.weft.connector.Checkpoint;
import dev.weft.connector.SinkRecord;
import dev.weft.store.Counts;
import dev.weft.store.NewDeadLetter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A batch read and mapped, ready to write: the records for the sink (with the source record each
 * came from, to dead-letter it if the target refuses it), the batch's dead letters so far, and its
 * counts without the written ones.
 */
record MappedBatch(
    List<SinkRecord> toWrite,
    List<Map<String, Object>> sourceOfEach,
    List<String> positionOfEach,
    List<NewDeadLetter> deadLetters,
    Counts counts,
    Checkpoint after,
    Optional<String> lastPosition,
    boolean done) {}
