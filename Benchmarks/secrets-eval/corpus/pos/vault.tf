  value = "hvr.t03ZNKNzQpC-u-bjkQZgTJD_WqcWVAYSraCG0GW3_5FUZfZ1Yhk6oV9c9-eV7CWfiDeX2Zaxy78npTQxgCVho-TEcL"
