package io.tessera.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** What the progress line says. */
class ProgressBarTest {
    @Test
    void showsChunksBytesRateAndTimeLeft() {
        assertEquals("[######..................] 16/64 chunks  1 GiB read  512 MiB/s  ETA 6 s",
                ProgressBar.line(16, 64, 1L << 30, 2.0));
    }

    @Test
    void aFinishedOrUnstartedStatementHasNoEstimate() {
        assertEquals("[########################] 8/8 chunks  0 B read  0 B/s", ProgressBar.line(8, 8, 0, 1.5));
        assertEquals("[........................] 0/8 chunks  0 B read", ProgressBar.line(0, 8, 0, 0));
    }
}
