import { Module } from '@nestjs/common';
import { DashboardController } from './dashboard.controller';

/** Serves the dashboard page at `/` and its files under `/assets/`. */
@Module({ controllers: [DashboardController] })
export class DashboardModule {}
