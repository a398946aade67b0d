"correlationId": "41633b20-40ea-4211-a696-d392ce8e2b81"

request_id = "e8ee488c-a4b7-479c-a5ce-2115c053006e"

trace: 3ef0f1ac-c902-4e26-ab2d-86fe36b0d068

"correlationId": "ca7860f4-b9b2-45cf-a593-c3c82cee72e1"

request_id = "96c670f5-e08d-4599-af2f-6ab194a6e911"

trace: 9e3471bd-d875-43d7-a39f-c2cce5e8309e

"correlationId": "51f6f912-22f7-44cd-a624-270f0a8fcb8c"

request_id = "e5bae32c-f363-4f27-af22-15a42fbf2c0e"

trace: 40bb7649-99bf-4d60-ac3c-dbef1ff569f0

"correlationId": "0561e193-0f82-4c76-abda-db026946a584"

request_id = "4ef04788-0037-4c46-a6d0-36cd14049a9c"

trace: 3ed1ab8f-7079-44b3-a0c7-2baf17c6e16d

"correlationId": "0a85f91f-99cd-45dd-a976-2f3ee438e239"

request_id = "6beab147-acf5-42dc-a488-06399262138f"

trace: b083837e-02cc-4891-af70-0834af18df5e

"correlationId": "4a756000-269c-4925-aa9e-797c9af3cc0c"

request_id = "79503b72-3408-4293-a1db-b7d49332f3d6"

trace: edc18d88-cc00-4204-ac20-823c0dbff777

"correlationId": "ac998f7f-aeb9-40e1-aeeb-73981298efe6"

request_id = "745b5108-538d-4d5f-a204-d9d1448cc3ea"

trace: e939def2-902d-4c4f-a950-7a880a2554b6

"correlationId": "67c2fc64-4b2a-4484-af62-99058c3b3495"

request_id = "31e540ed-b3ef-4b9a-a6ba-69b668fc4ed7"

trace: 28feada9-ede2-48af-ad81-88e82a686fa6

"correlationId": "b39ac59e-de81-4331-adf0-609042376eee"

request_id = "cce9e891-7fcb-4aab-a5b9-279acd6b3e53"

trace: b7473c62-143b-4107-a1c6-29d5e5904f90

"correlationId": "04bb8859-4c6d-4ac2-a9d0-dc70d7d0936e"

request_id = "6b4e7b76-8c0c-4f5e-a140-551db7623879"

trace: 5b5347af-63b1-4974-af74-13a4fe4253c3
