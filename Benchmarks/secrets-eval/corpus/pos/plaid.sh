export TOKEN="access-production-cdc01305-5b90-46c5-a800-60c2b2750915"
