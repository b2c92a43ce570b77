"""Imported by the batch's forkserver before it forks any worker: the engine and its
tokenizer are then loaded once and shared by every worker (copy-on-write)."""

from apps.batch.worker import warm_up

warm_up()
