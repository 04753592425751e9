package dev.weft.connector;

import dev.weft.model.Flow;
import dev.weft.model.Sync;
import dev.weft.model.SystemDef;

/** What a connector needs to open one side of a sync: the resolved system, the side, the run. */
public record RecordSetContext(SystemDef system, Sync.Side side, Flow flow, RunInfo run) {}
